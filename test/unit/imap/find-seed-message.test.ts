import type { ImapFlow, SearchObject } from 'imapflow';
import { expect, test } from 'vitest';
import { findSeedMessage } from '../../../lib/imap/find-seed-message.ts';
import type { DiscoveredFolders } from '../../../lib/imap/discover-folders.ts';

// An in-process stand-in for Gmail's IMAP (X-GM-EXT-1): X-GM-RAW `rfc822msgid:` and `category:` searches,
// X-GM-LABELS on fetch. Real Gmail is not reachable from tests; Dovecot (test/system/imap) covers the rest.
interface StoredMessage {
  folder: string;
  uid: number;
  messageId: string;
  token: string;
  category?: string;
  labels?: string[];
  /** Body text that a TEXT search matches (a bounce quoting the seed). */
  mentions?: string;
}

function fakeGmail(messages: StoredMessage[]) {
  let selected = '';
  const queries: { folder: string; query: SearchObject }[] = [];
  const matches = (m: StoredMessage, q: SearchObject): boolean => {
    if (q.or) return q.or.some((sub) => matches(m, sub));
    if (q.gmraw) {
      const id = /rfc822msgid:(\S+)/.exec(q.gmraw)?.[1];
      const cat = /category:(\S+)/.exec(q.gmraw)?.[1];
      return `<${id}>` === m.messageId && (!cat || cat === (m.category ?? 'primary'));
    }
    const text = q.subject ?? q.text ?? Object.values(q.header ?? {})[0];
    return typeof text === 'string' && (text === m.token || text === m.mentions);
  };
  const client = {
    capabilities: new Map<string, boolean>([['IMAP4rev1', true], ['X-GM-EXT-1', true]]),
    async getMailboxLock(path: string) {
      selected = path;
      return { path, release() {} };
    },
    async search(query: SearchObject) {
      queries.push({ folder: selected, query });
      return messages.filter((m) => m.folder === selected && matches(m, query)).map((m) => m.uid);
    },
    async fetchOne(uid: string) {
      const m = messages.find((x) => x.folder === selected && x.uid === Number(uid));
      if (!m) return false;
      const headers = `Message-ID: ${m.messageId}\r\nX-Inboxwatch-Token: ${m.token}\r\nSubject: seed ${m.token}\r\n\r\n`;
      return { uid: m.uid, seq: m.uid, headers: Buffer.from(headers), internalDate: new Date('2026-11-29T14:58:31Z'), labels: new Set(m.labels ?? []) };
    },
  };
  return { client: client as unknown as ImapFlow, queries };
}

const folders: DiscoveredFolders = {
  inbox: 'INBOX',
  spam: { path: '[Gmail]/Spam', why: 'server flags \\Junk (RFC 6154)' },
  all: '[Gmail]/All Mail',
  folders: [],
};

const seed = { token: 'iwabc123', messageId: '<iwabc123@sender.example>' };

test('IMAP-07: a Gmail copy in INBOX in the Promotions tab is placement "tab", tab "promotions"', async () => {
  const { client, queries } = fakeGmail([{ folder: 'INBOX', uid: 7, ...seed, category: 'promotions' }]);
  const r = await findSeedMessage({ client, ...seed, provider: 'gmail', folders });
  expect(r).toMatchObject({ found: true, folder: 'INBOX', placement: 'tab', tab: 'promotions', uid: 7 });
  // IMAP-06: on Gmail the search includes X-GM-RAW rfc822msgid; the tab comes from category searches.
  expect(queries[0].query.or?.[0]).toEqual({ gmraw: 'rfc822msgid:iwabc123@sender.example' });
  expect(queries.map((q) => q.query.gmraw).filter(Boolean)).toEqual([
    'category:primary rfc822msgid:iwabc123@sender.example',
    'category:promotions rfc822msgid:iwabc123@sender.example',
  ]);
});

test('IMAP-07: a Gmail copy in the Primary tab stays placement "inbox" with tab "primary"', async () => {
  const { client } = fakeGmail([{ folder: 'INBOX', uid: 3, ...seed }]);
  expect(await findSeedMessage({ client, ...seed, provider: 'gmail', folders })).toMatchObject({ placement: 'inbox', tab: 'primary' });
});

test('IMAP-07: when no category search matches, the tab is unknown (undefined) and placement stays "inbox"', async () => {
  const { client } = fakeGmail([{ folder: 'INBOX', uid: 3, ...seed, category: 'unlisted' }]);
  const r = await findSeedMessage({ client, ...seed, provider: 'gmail', folders });
  expect(r).toMatchObject({ found: true, placement: 'inbox' });
  expect(r.found && r.tab).toBeUndefined();
});

test('Gmail: a copy only in All Mail is other_folder with its labels (archived under a label)', async () => {
  const { client } = fakeGmail([{ folder: '[Gmail]/All Mail', uid: 9, ...seed, labels: ['Receipts'] }]);
  expect(await findSeedMessage({ client, ...seed, provider: 'gmail', folders })).toMatchObject({
    found: true,
    folder: '[Gmail]/All Mail',
    placement: 'other_folder',
    labels: ['Receipts'],
  });
});

test('Gmail: spam is found in the spam folder before All Mail is searched', async () => {
  const { client, queries } = fakeGmail([{ folder: '[Gmail]/Spam', uid: 4, ...seed }]);
  expect(await findSeedMessage({ client, ...seed, provider: 'gmail', folders })).toMatchObject({ placement: 'spam', folder: '[Gmail]/Spam' });
  expect(queries.map((q) => q.folder)).toEqual(['INBOX', '[Gmail]/Spam']);
});

test('IMAP-06: a search hit whose headers do not carry the token or Message-ID is not the seed', async () => {
  const { client, queries } = fakeGmail([
    { folder: 'INBOX', uid: 5, token: 'iwbounce', messageId: '<bounce-1@mx.example>', mentions: seed.token },
  ]);
  expect(await findSeedMessage({ client, ...seed, provider: 'other', folders: { ...folders, all: null } })).toEqual({ found: false });
  expect(queries.map((q) => q.folder)).toEqual(['INBOX', '[Gmail]/Spam']);
});
