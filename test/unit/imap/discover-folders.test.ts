import type { ListResponse } from 'imapflow';
import { expect, test } from 'vitest';
import { chooseFolders } from '../../../lib/imap/discover-folders.ts';

/** A LIST entry shaped like imapflow 2.10.2's (reference/mailstack.md §1). */
function entry(path: string, opts: { flags?: string[]; specialUse?: string; source?: 'extension' | 'name'; asListed?: string } = {}): ListResponse {
  const parts = path.split('/');
  return {
    path,
    pathAsListed: opts.asListed ?? path,
    name: parts[parts.length - 1],
    delimiter: '/',
    parent: parts.slice(0, -1),
    parentPath: parts.slice(0, -1).join('/'),
    flags: new Set(opts.flags ?? ['\\HasNoChildren']),
    specialUse: opts.specialUse,
    specialUseSource: opts.source,
    listed: true,
    subscribed: true,
  };
}

const inbox = entry('INBOX', { specialUse: '\\Inbox', source: 'name' });

test('IMAP-01: "[Google Mail]/Spam" flagged \\Junk is the spam folder because the server says so; the \\Noselect parent is left out', () => {
  const found = chooseFolders({
    list: [
      inbox,
      entry('[Google Mail]', { flags: ['\\HasChildren', '\\Noselect'] }),
      entry('[Google Mail]/All Mail', { flags: ['\\HasNoChildren', '\\All'], specialUse: '\\All', source: 'extension' }),
      entry('[Google Mail]/Spam', { flags: ['\\HasNoChildren', '\\Junk'], specialUse: '\\Junk', source: 'extension' }),
    ],
  });
  expect(found.spam).toEqual({ path: '[Google Mail]/Spam', why: 'server flags \\Junk (RFC 6154)' });
  expect(found.all).toBe('[Google Mail]/All Mail');
  expect(found.inbox).toBe('INBOX');
  expect(found.folders.map((f) => f.path)).toEqual(['INBOX', '[Google Mail]/All Mail', '[Google Mail]/Spam']);
});

test('IMAP-01: a Russian Gmail spam folder (modified UTF-7 "&BCEEPwQwBDw-") is chosen by its flag and shown decoded', () => {
  const found = chooseFolders({
    list: [inbox, entry('[Gmail]/Спам', { flags: ['\\HasNoChildren', '\\Junk'], specialUse: '\\Junk', source: 'extension', asListed: '[Gmail]/&BCEEPwQwBDw-' })],
  });
  expect(found.spam).toEqual({ path: '[Gmail]/Спам', why: 'server flags \\Junk (RFC 6154)' });
});

test('IMAP-02: Exchange without SPECIAL-USE — "Junk Email" by name, although imapflow also guessed \\Junk', () => {
  const found = chooseFolders({
    list: [inbox, entry('Archive'), entry('Junk Email', { specialUse: '\\Junk', source: 'name' }), entry('Sent Items', { specialUse: '\\Sent', source: 'name' })],
  });
  expect(found.spam).toEqual({ path: 'Junk Email', why: 'name "Junk Email" (no folder flagged \\Junk)' });
  expect(found.folders.find((f) => f.path === 'Junk Email')).toEqual({ path: 'Junk Email', name: 'Junk Email', specialUse: '\\Junk', source: 'name' });
});

test('IMAP-02: Yahoo "Bulk Mail" by name; a flagged folder beats a better-known name', () => {
  expect(chooseFolders({ list: [inbox, entry('Bulk Mail'), entry('Draft')] }).spam).toEqual({
    path: 'Bulk Mail',
    why: 'name "Bulk Mail" (no folder flagged \\Junk)',
  });
  expect(
    chooseFolders({ list: [inbox, entry('Spam'), entry('Quarantaine', { flags: ['\\Junk'], specialUse: '\\Junk', source: 'extension' })] }).spam,
  ).toEqual({ path: 'Quarantaine', why: 'server flags \\Junk (RFC 6154)' });
});

test('names are matched on the last segment too (INBOX.Spam style) and case-insensitively', () => {
  expect(chooseFolders({ list: [inbox, entry('INBOX/SPAM')] }).spam).toEqual({ path: 'INBOX/SPAM', why: 'name "INBOX/SPAM" (no folder flagged \\Junk)' });
});

test('old Gmail XLIST \\Spam counts as the server flag', () => {
  expect(chooseFolders({ list: [inbox, entry('[Gmail]/Spam', { flags: ['\\Spam'], specialUse: '\\Junk', source: 'extension' })] }).spam).toEqual({
    path: '[Gmail]/Spam',
    why: 'server flags \\Spam (Gmail XLIST)',
  });
});

test("a localized name only imapflow's table knows is the last resort, and says so", () => {
  expect(chooseFolders({ list: [inbox, entry('迷惑メール', { specialUse: '\\Junk', source: 'name' })] }).spam).toEqual({
    path: '迷惑メール',
    why: `name "迷惑メール" (imapflow's localized names)`,
  });
});

test('the per-mailbox override matches the decoded path, any case, or the modified UTF-7 form', () => {
  const list = [
    inbox,
    entry('Junk', { flags: ['\\Junk'], specialUse: '\\Junk', source: 'extension' }),
    entry('Courrier indésirable', { specialUse: '\\Junk', source: 'name', asListed: 'Courrier ind&AOk-sirable' }),
  ];
  expect(chooseFolders({ list, override: 'courrier indésirable' }).spam).toEqual({
    path: 'Courrier indésirable',
    why: 'set for this mailbox ("courrier indésirable")',
  });
  expect(chooseFolders({ list, override: 'Courrier ind&AOk-sirable' }).spam?.path).toBe('Courrier indésirable');
  expect(chooseFolders({ list, override: '  ' }).spam).toEqual({ path: 'Junk', why: 'server flags \\Junk (RFC 6154)' });
});

test('no spam folder at all: null, and no All Mail outside Gmail', () => {
  const found = chooseFolders({ list: [inbox, entry('Sent', { flags: ['\\Sent'], specialUse: '\\Sent', source: 'extension' })] });
  expect(found.spam).toBeNull();
  expect(found.all).toBeNull();
});
