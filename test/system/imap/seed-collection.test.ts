import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { headerValues } from '../../../lib/auth-results/header-fields.ts';
import { decryptSecret, encryptSecret } from '../../../lib/crypto.ts';
import type { SeedMailbox } from '../../../lib/generated/prisma/client.ts';
import { discoverFolders } from '../../../lib/imap/discover-folders.ts';
import { findSeedMessage } from '../../../lib/imap/find-seed-message.ts';
import { openMailbox } from '../../../lib/imap/open-mailbox.ts';
import { testImapConnection } from '../../../lib/imap/test-imap-connection.ts';
import { DEFAULT_USERS, startDovecot } from '../../helpers/dovecot.ts';
import type { Dovecot } from '../../helpers/dovecot.ts';

// Real Dovecot on loopback with the seed layouts of reference/mailstack.md §1, plus Exchange's "Junk Email"
// and a user with an extra folder (for the override and other-folder cases).
const KEY = crypto.randomBytes(32);
const decrypt = (blob: string) => decryptSecret(blob, KEY);
let dovecot: Dovecot;

beforeAll(async () => {
  dovecot = await startDovecot({
    users: [
      ...DEFAULT_USERS,
      { address: 'seed-outlook@example.test', password: 'seedpass', layout: 'junk-email' },
      {
        address: 'seed-extra@example.test',
        password: 'seedpass',
        layout: [{ name: 'Junk', specialUse: '\\Junk' }, { name: 'Quarantine' }, { name: 'Sent', specialUse: '\\Sent' }],
      },
    ],
  });
});

afterAll(async () => {
  await dovecot?.stop();
});

function mailbox(over: Partial<SeedMailbox> & { address: string }, secret = 'seedpass'): SeedMailbox {
  return {
    id: over.address,
    provider: 'other',
    imapHost: '127.0.0.1',
    imapPort: dovecot.imapPort,
    imapSecurity: 'starttls',
    imapUser: over.address,
    authMethod: 'password',
    secret: encryptSecret(secret, KEY),
    trustSelfSigned: true,
    spamFolder: null,
    enabled: true,
    lastTest: null,
    lastTestAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  };
}

function seedMessage(p: { token: string; to: string; spam?: 'rspamd' | 'test-header'; messageId?: string }): string {
  const lines = [
    'From: Sender <sender@sender.test>',
    `To: ${p.to}`,
    `Subject: Inboxwatch seed ${p.token}`,
    `Message-ID: ${p.messageId ?? `<${p.token}@sender.test>`}`,
    `X-Inboxwatch-Token: ${p.token}`,
    'Date: Sun, 29 Nov 2026 14:58:31 +0000',
  ];
  if (p.spam === 'rspamd') lines.push('X-Spam-Status: Yes, score=13.10');
  if (p.spam === 'test-header') lines.push(`${dovecot.spamHeader}: yes`);
  return `${lines.join('\r\n')}\r\n\r\nSeed ${p.token}\r\n`;
}

const newToken = () => `iw${crypto.randomBytes(6).toString('hex')}`;

async function find(box: SeedMailbox, token: string, messageId = `<${token}@sender.test>`) {
  const client = await openMailbox({ mailbox: box, decrypt });
  try {
    const folders = await discoverFolders({ client, override: box.spamFolder });
    return await findSeedMessage({ client, token, messageId, provider: box.provider, folders });
  } finally {
    await client.logout();
  }
}

test.each([
  ['seed-junk@example.test', 'Junk', 'server flags \\Junk (RFC 6154)'],
  ['seed-bulk@example.test', 'Bulk Mail', 'name "Bulk Mail" (no folder flagged \\Junk)'],
  ['seed-fr@example.test', 'Courrier indésirable', 'name "Courrier indésirable" (no folder flagged \\Junk)'],
  ['seed-outlook@example.test', 'Junk Email', 'name "Junk Email" (no folder flagged \\Junk)'],
  ['seed-gmail@example.test', '[Gmail]/Spam', 'server flags \\Junk (RFC 6154)'],
])('test connection on %s names the spam folder %s and why', async (address, path, why) => {
  const result = await testImapConnection({ mailbox: mailbox({ address }), decrypt });
  expect(result.ok).toBe(true);
  expect(result.spam).toEqual({ path, why });
  expect(result.folders?.map((f) => f.path)).toContain('INBOX');
  expect(result.folders?.map((f) => f.path)).toContain(path);
});

test('Gmail layout: All Mail found by its \\All flag, the \\Noselect "[Gmail]" parent left out', async () => {
  const result = await testImapConnection({ mailbox: mailbox({ address: 'seed-gmail@example.test', provider: 'gmail' }), decrypt });
  expect(result.all).toBe('[Gmail]/All Mail');
  expect(result.folders?.map((f) => f.path).sort()).toEqual(['INBOX', '[Gmail]/All Mail', '[Gmail]/Spam']);
  expect(result.folders?.find((f) => f.path === '[Gmail]/Spam')).toMatchObject({ specialUse: '\\Junk', source: 'extension' });
});

test('a per-mailbox override wins over the \\Junk flag; an override the server lacks is reported and discovery goes on', async () => {
  const set = await testImapConnection({ mailbox: mailbox({ address: 'seed-extra@example.test', spamFolder: 'quarantine' }), decrypt });
  expect(set.spam).toEqual({ path: 'Quarantine', why: 'set for this mailbox ("quarantine")' });
  const missing = await testImapConnection({ mailbox: mailbox({ address: 'seed-junk@example.test', spamFolder: 'Spamfilter' }), decrypt });
  expect(missing.spam).toEqual({
    path: 'Junk',
    why: 'the folder set for this mailbox ("Spamfilter") is not on the server; server flags \\Junk (RFC 6154)',
  });
});

test.each([
  ['seed-junk@example.test', 'other', 'Junk', 'rspamd'],
  ['seed-bulk@example.test', 'yahoo', 'Bulk Mail', 'rspamd'],
  ['seed-fr@example.test', 'other', 'Courrier indésirable', 'test-header'],
  ['seed-outlook@example.test', 'outlook', 'Junk Email', 'test-header'],
  ['seed-gmail@example.test', 'gmail', '[Gmail]/Spam', 'rspamd'],
] as const)('%s (provider %s): a clean seed is found in INBOX, a spam-marked one in %s', async (address, provider, spamPath, marker) => {
  const clean = newToken();
  const spammy = newToken();
  await dovecot.deliver(seedMessage({ token: clean, to: address }), address);
  await dovecot.deliver(seedMessage({ token: spammy, to: address, spam: marker }), address);
  const box = mailbox({ address, provider });
  const inbox = await find(box, clean);
  expect(inbox).toMatchObject({ found: true, folder: 'INBOX', placement: 'inbox' });
  const spam = await find(box, spammy);
  expect(spam).toMatchObject({ found: true, folder: spamPath, placement: 'spam' });
  if (!inbox.found || !spam.found) return;
  // Gmail without X-GM-EXT-1 (this server): the tab cannot be decided, so it stays undefined ("tab unknown").
  expect(inbox.tab).toBeUndefined();
  expect(inbox.headers).toContain(`X-Inboxwatch-Token: ${clean}`);
  expect(inbox.headers).toMatch(/^Return-Path: <sender@sender\.test>/m);
  expect(headerValues(inbox.headers, 'Received')[0]).toMatch(/^from lmtp-client\.test \(\[127\.0\.0\.1\]\) by mx\.example\.test with LMTP /);
  expect(inbox.headers).not.toContain(`Seed ${clean}`);
  expect(inbox.receivedAt).toBeInstanceOf(Date);
  expect(Number.isNaN(inbox.receivedAt.getTime())).toBe(false);
});

test('not delivered yet: { found: false }, not a placement', async () => {
  expect(await find(mailbox({ address: 'seed-junk@example.test' }), newToken())).toEqual({ found: false });
});

test('IMAP-06: a message quoting the token (a bounce) is not confirmed as the seed', async () => {
  const token = newToken();
  const bounce = [
    'From: MAILER-DAEMON@example.test',
    'To: sender@sender.test',
    'Subject: Undelivered Mail Returned to Sender',
    '<bounce-1@example.test>'.replace(/^/, 'Message-ID: '),
    '',
    `The original message "Inboxwatch seed ${token}" could not be delivered.`,
    '',
  ].join('\r\n');
  await dovecot.deliver(bounce, 'seed-junk@example.test');
  expect(await find(mailbox({ address: 'seed-junk@example.test' }), token)).toEqual({ found: false });
});

test('IMAP-06: the seed is confirmed by its Message-ID when a receiver dropped the token header', async () => {
  const token = newToken();
  const raw = seedMessage({ token, to: 'seed-junk@example.test' }).replace(/^X-Inboxwatch-Token: .*\r\n/m, '');
  await dovecot.deliver(raw, 'seed-junk@example.test');
  expect(await find(mailbox({ address: 'seed-junk@example.test' }), token)).toMatchObject({ found: true, placement: 'inbox' });
});

test('IMAP-06: a receiver that replaced the Message-ID: the copy is confirmed by the token header', async () => {
  const token = newToken();
  await dovecot.deliver(seedMessage({ token, to: 'seed-bulk@example.test', messageId: '<ABCDEF123@receiver.example>' }), 'seed-bulk@example.test');
  expect(await find(mailbox({ address: 'seed-bulk@example.test' }), token)).toMatchObject({ found: true, placement: 'inbox' });
});

test('seeds of one test share the token: each is told apart by its own Message-ID, and a third not yet delivered is not found', async () => {
  const token = newToken();
  const address = 'seed-junk@example.test';
  await dovecot.deliver(seedMessage({ token, to: address, messageId: `<${token}.aaa@sender.test>` }), address);
  await dovecot.deliver(seedMessage({ token, to: address, messageId: `<${token}.bbb@sender.test>`, spam: 'test-header' }), address);
  const box = mailbox({ address });
  expect(await find(box, token, `<${token}.bbb@sender.test>`)).toMatchObject({ found: true, folder: 'Junk', placement: 'spam' });
  expect(await find(box, token, `<${token}.aaa@sender.test>`)).toMatchObject({ found: true, folder: 'INBOX', placement: 'inbox' });
  expect(await find(box, token, `<${token}.ccc@sender.test>`)).toEqual({ found: false });
});

test('Gmail: a copy found only in All Mail (archived or labelled) is other_folder', async () => {
  const token = newToken();
  await dovecot.save(seedMessage({ token, to: 'seed-gmail@example.test' }), 'seed-gmail@example.test', '[Gmail]/All Mail');
  const result = await find(mailbox({ address: 'seed-gmail@example.test', provider: 'gmail' }), token);
  expect(result).toMatchObject({ found: true, folder: '[Gmail]/All Mail', placement: 'other_folder' });
});

test('another provider: a copy in a folder other than INBOX and spam is other_folder with that folder', async () => {
  const token = newToken();
  await dovecot.save(seedMessage({ token, to: 'seed-extra@example.test' }), 'seed-extra@example.test', 'Quarantine');
  const result = await find(mailbox({ address: 'seed-extra@example.test' }), token);
  expect(result).toMatchObject({ found: true, folder: 'Quarantine', placement: 'other_folder' });
});

test('a copy in Sent is not read as a placement', async () => {
  const token = newToken();
  await dovecot.save(seedMessage({ token, to: 'seed-extra@example.test' }), 'seed-extra@example.test', 'Sent');
  expect(await find(mailbox({ address: 'seed-extra@example.test' }), token)).toEqual({ found: false });
});

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', () => res()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((res) => srv.close(() => res()));
  return port;
}

test('wrong password: auth_failed with the server reply', async () => {
  const result = await testImapConnection({ mailbox: mailbox({ address: 'seed-junk@example.test' }, 'wrong'), decrypt });
  expect(result).toEqual({ ok: false, error: { kind: 'auth_failed', message: 'the server refused the login: Authentication failed.' } });
});

test('closed port: unreachable', async () => {
  const result = await testImapConnection({ mailbox: mailbox({ address: 'seed-junk@example.test', imapPort: await closedPort() }), decrypt });
  expect(result).toEqual({
    ok: false,
    error: { kind: 'unreachable', message: 'connection refused: nothing listens on that host and port' },
  });
});

test('STARTTLS with the self-signed certificate: a tls error unless the mailbox trusts it', async () => {
  const strict = await testImapConnection({ mailbox: mailbox({ address: 'seed-junk@example.test', trustSelfSigned: false }), decrypt });
  expect(strict.ok).toBe(false);
  expect(strict.error?.kind).toBe('tls');
  expect(strict.error?.message).toMatch(/self-signed/);
  const trusted = await testImapConnection({ mailbox: mailbox({ address: 'seed-junk@example.test', trustSelfSigned: true }), decrypt });
  expect(trusted).toMatchObject({ ok: true, spam: { path: 'Junk' } });
});

test('implicit TLS on the IMAPS port works; on the STARTTLS port, and STARTTLS on the IMAPS port, are tls errors', async () => {
  const imaps = await testImapConnection({
    mailbox: mailbox({ address: 'seed-junk@example.test', imapPort: dovecot.imapsPort, imapSecurity: 'implicit_tls' }),
    decrypt,
  });
  expect(imaps).toMatchObject({ ok: true, spam: { path: 'Junk' } });
  const implicitOnPlain = await testImapConnection({
    mailbox: mailbox({ address: 'seed-junk@example.test', imapSecurity: 'implicit_tls' }),
    decrypt,
  });
  expect(implicitOnPlain.error?.kind).toBe('tls');
  expect(implicitOnPlain.error?.message).toMatch(/does not speak TLS on this port/);
  const starttlsOnImaps = await testImapConnection({
    mailbox: mailbox({ address: 'seed-junk@example.test', imapPort: dovecot.imapsPort }),
    decrypt,
    timeouts: { connectionMs: 2000, greetingMs: 1000, socketMs: 5000 },
  });
  expect(starttlsOnImaps.error?.kind).toBe('tls');
  expect(starttlsOnImaps.error?.message).toMatch(/implicit TLS/);
});

test('no encryption (imapSecurity none) logs in without STARTTLS', async () => {
  const result = await testImapConnection({ mailbox: mailbox({ address: 'seed-bulk@example.test', imapSecurity: 'none', trustSelfSigned: false }), decrypt });
  expect(result).toMatchObject({ ok: true, spam: { path: 'Bulk Mail' } });
});

test('XOAUTH2 against a server that does not offer it: auth_failed naming the method', async () => {
  const result = await testImapConnection({
    mailbox: mailbox({ address: 'seed-junk@example.test', authMethod: 'xoauth2' }, 'ya29.token'),
    decrypt,
  });
  expect(result.error?.kind).toBe('auth_failed');
  expect(result.error?.message).toMatch(/XOAUTH2/);
});

test('a secret stored under another key: auth_failed asking for the password again', async () => {
  const box = mailbox({ address: 'seed-junk@example.test' });
  box.secret = encryptSecret('seedpass', crypto.randomBytes(32));
  const result = await testImapConnection({ mailbox: box, decrypt });
  expect(result.error?.kind).toBe('auth_failed');
  expect(result.error?.message).toMatch(/enter the password again/);
});
