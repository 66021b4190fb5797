import type { FetchMessageObject, ImapFlow, SearchObject } from 'imapflow';
import { headerValues } from '../auth-results/header-fields.ts';
import { TOKEN_HEADER } from '../smtp/build-seed-message.ts';
import type { DiscoveredFolders } from './discover-folders.ts';

/** Gmail inbox categories, searchable with X-GM-RAW `category:` (IMAP-07). */
export const GMAIL_TABS = ['primary', 'promotions', 'social', 'updates', 'forums'] as const;

/** Where a found seed landed (`missing` and `error` are decided by the caller, not here). */
export type SeedPlacement = 'inbox' | 'tab' | 'spam' | 'other_folder';

/** A search for one seed: not found yet, or the confirmed copy with where it landed. */
export type SeedSearchResult =
  | { found: false }
  | {
      found: true;
      folder: string;
      placement: SeedPlacement;
      /** Gmail tab when X-GM-RAW `category:` tells it; undefined means "tab unknown". */
      tab?: string;
      /** Gmail labels (X-GM-LABELS) of a copy found only in All Mail. */
      labels?: string[];
      uid: number;
      /** The received copy's raw header block. */
      headers: string;
      /** IMAP INTERNALDATE: when the receiving server stored the message. */
      receivedAt: Date;
    };

/** `<id@host>` with brackets, whatever the caller passed. */
function bracketed(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
}

/**
 * `id`: the Message-ID is this seed's. `token`: the token header matches and the Message-ID is not another seed's
 * of the same test (it does not carry the token: a receiver replaced it). Else null.
 */
function confirmation(headers: string, p: { token: string; messageId: string; tokenHeader: string }): 'id' | 'token' | null {
  const ids = headerValues(headers, 'Message-ID').map((v) => v.trim());
  if (ids.includes(bracketed(p.messageId))) return 'id';
  if (ids.some((id) => id.includes(p.token))) return null;
  if (headerValues(headers, p.tokenHeader).some((v) => v.trim() === p.token)) return 'token';
  return null;
}

interface Candidate {
  path: string;
  placement: SeedPlacement;
}

/**
 * Search one folder (read-only): the hit whose fetched headers carry this seed's Message-ID, and the newest hit
 * that carries only the test's token header (the token is shared by the seeds of one test).
 */
async function searchFolder(
  client: ImapFlow,
  path: string,
  query: SearchObject,
  confirm: { token: string; messageId: string; tokenHeader: string },
  labels: boolean,
): Promise<{ byId: FetchMessageObject | null; byToken: FetchMessageObject | null }> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const uids = (await client.search(query, { uid: true })) || [];
    let byToken: FetchMessageObject | null = null;
    for (const uid of [...uids].sort((a, b) => b - a)) {
      const msg = await client.fetchOne(String(uid), { uid: true, headers: true, internalDate: true, labels }, { uid: true });
      const how = msg && msg.headers ? confirmation(msg.headers.toString('utf8'), confirm) : null;
      if (how === 'id') return { byId: msg as FetchMessageObject, byToken };
      if (how === 'token' && !byToken) byToken = msg as FetchMessageObject;
    }
    return { byId: null, byToken };
  } finally {
    lock.release();
  }
}

/** Gmail tab of a copy in INBOX from X-GM-RAW `category:` searches (IMAP-07; a hypothesis Gmail documents as web-search syntax). */
async function gmailTab(client: ImapFlow, inbox: string, messageId: string): Promise<string | undefined> {
  const bare = bracketed(messageId).slice(1, -1);
  const lock = await client.getMailboxLock(inbox, { readOnly: true });
  try {
    for (const tab of GMAIL_TABS) {
      const uids = await client.search({ gmraw: `category:${tab} rfc822msgid:${bare}` }, { uid: true });
      if (uids && uids.length > 0) return tab;
    }
    return undefined;
  } finally {
    lock.release();
  }
}

/** The found result for a confirmed copy: placement, Gmail tab or labels, raw headers and INTERNALDATE. */
async function describe(p: {
  client: ImapFlow;
  candidate: Candidate;
  msg: FetchMessageObject;
  gmail: boolean;
  gmailExt: boolean;
  folders: DiscoveredFolders;
  messageId: string;
}): Promise<SeedSearchResult> {
  const { candidate, msg } = p;
  const headers = (msg.headers as Buffer).toString('utf8');
  if (msg.internalDate === undefined) throw new Error(`the server sent no INTERNALDATE for the seed in ${candidate.path}`);
  const base = { found: true as const, folder: candidate.path, uid: msg.uid, headers, receivedAt: new Date(msg.internalDate) };
  if (candidate.placement === 'inbox' && p.gmail && p.gmailExt) {
    const tab = await gmailTab(p.client, p.folders.inbox, p.messageId);
    return { ...base, placement: tab && tab !== 'primary' ? 'tab' : 'inbox', ...(tab ? { tab } : {}) };
  }
  if (candidate.placement === 'other_folder' && msg.labels) return { ...base, placement: 'other_folder', labels: [...msg.labels] };
  return { ...base, placement: candidate.placement };
}

/**
 * Look for one seed message in a connected mailbox (IMAP-05, IMAP-06, IMAP-07):
 * - searches INBOX, then the spam folder, then (Gmail) All Mail — which excludes Spam and Trash, so a copy found
 *   only there was archived or labelled: `other_folder` with its labels — then (other providers) every other
 *   selectable folder except \Sent and \Drafts (`other_folder`);
 * - the search is SUBJECT, TEXT or the token header (RFC 3501 §6.4.4); on servers with X-GM-EXT-1 also
 *   `X-GM-RAW "rfc822msgid:<id>"`; each hit is confirmed by fetching its headers and comparing the Message-ID
 *   exactly (or, when a receiver replaced it, the token header), since header SEARCH cannot be trusted either way;
 * - an empty search is `{ found: false }` ("not found yet"), never proof of absence: `missing` is for the caller
 *   to decide at its deadline;
 * - a Gmail copy in INBOX gets its tab from X-GM-RAW `category:` searches when the server advertises X-GM-EXT-1
 *   (`placement: 'tab'`, or `'inbox'` with `tab: 'primary'`); otherwise `tab` is undefined ("tab unknown").
 * @returns the folder, placement, raw header block and INTERNALDATE of the confirmed copy.
 * @throws the imapflow error of a failed SELECT/SEARCH/FETCH (classify with classifyImapError); Error when the
 *   server omits INTERNALDATE (RFC 3501 §7.4.2 requires it).
 */
export async function findSeedMessage(params: {
  client: ImapFlow;
  token: string;
  messageId: string;
  provider: string;
  folders: DiscoveredFolders;
  tokenHeader?: string;
}): Promise<SeedSearchResult> {
  const { client, token, messageId, provider, folders } = params;
  const tokenHeader = params.tokenHeader ?? TOKEN_HEADER;
  const gmailExt = client.capabilities.has('X-GM-EXT-1');
  const gmail = provider === 'gmail';
  const tokenQueries: SearchObject[] = [{ subject: token }, { text: token }, { header: { [tokenHeader]: token } }];
  const query: SearchObject = {
    or: gmailExt ? [{ gmraw: `rfc822msgid:${bracketed(messageId).slice(1, -1)}` }, ...tokenQueries] : tokenQueries,
  };
  const order: Candidate[] = [{ path: folders.inbox, placement: 'inbox' }];
  if (folders.spam) order.push({ path: folders.spam.path, placement: 'spam' });
  if (gmail) {
    if (folders.all) order.push({ path: folders.all, placement: 'other_folder' });
  } else {
    for (const f of folders.folders) {
      if (order.some((c) => c.path === f.path) || f.specialUse === '\\Sent' || f.specialUse === '\\Drafts') continue;
      order.push({ path: f.path, placement: 'other_folder' });
    }
  }
  const confirm = { token, messageId, tokenHeader };
  let fallback: { candidate: Candidate; msg: FetchMessageObject } | null = null;
  for (const candidate of order) {
    const { byId, byToken } = await searchFolder(client, candidate.path, query, confirm, gmailExt);
    if (byId) return describe({ client, candidate, msg: byId, gmail, gmailExt, folders, messageId });
    if (byToken && !fallback) fallback = { candidate, msg: byToken };
  }
  if (fallback) return describe({ client, ...fallback, gmail, gmailExt, folders, messageId });
  return { found: false };
}
