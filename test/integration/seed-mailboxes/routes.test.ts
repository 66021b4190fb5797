import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';

// Route handlers on a real SQLite file: secrets are write-only, encrypted at rest, and never in a response.
const KEY = crypto.randomBytes(32);
let db: PrismaClient;
let cleanup: () => Promise<void>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};
let decryptSecret: (blob: string) => string;

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = KEY.toString('base64');
  ({ prisma: db, cleanup } = await setupTestDb());
  ({ decryptSecret } = await import('../../../lib/crypto.ts'));
  routes.list = (await import('../../../app/api/seed-mailboxes/route.ts')) as unknown as Record<string, Handler>;
  routes.one = (await import('../../../app/api/seed-mailboxes/[id]/route.ts')) as unknown as Record<string, Handler>;
  routes.test = (await import('../../../app/api/seed-mailboxes/[id]/test-connection/route.ts')) as unknown as Record<string, Handler>;
});

afterAll(async () => {
  await cleanup();
});

beforeEach(async () => {
  await db.seedMailbox.deleteMany();
});

async function call(route: string, method: string, opts: { id?: string; body?: string | object } = {}) {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const req = new Request('http://localhost/api/seed-mailboxes', { method, body, headers: { 'content-type': 'application/json' } });
  const params: Record<string, string> = opts.id ? { id: opts.id } : {};
  const res = await routes[route][method](req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

const GMAIL = {
  provider: 'gmail',
  address: 'seed.one@Gmail.com',
  imapHost: 'imap.gmail.com',
  imapPort: 993,
  imapSecurity: 'implicit_tls',
  password: 'app-password-1234',
};

test('POST creates a mailbox: 201, hasSecret, the password nowhere in the answer, encrypted in the row', async () => {
  const res = await call('list', 'POST', { body: GMAIL });
  expect(res.status).toBe(201);
  expect(res.json).toMatchObject({
    provider: 'gmail',
    address: 'seed.one@gmail.com',
    imapHost: 'imap.gmail.com',
    imapPort: 993,
    imapSecurity: 'implicit_tls',
    imapUser: 'seed.one@gmail.com',
    authMethod: 'password',
    hasSecret: true,
    trustSelfSigned: false,
    spamFolder: null,
    enabled: true,
    lastTest: null,
  });
  expect(res.json).not.toHaveProperty('secret');
  expect(res.json).not.toHaveProperty('password');
  expect(res.text).not.toContain('app-password-1234');
  const row = await db.seedMailbox.findUniqueOrThrow({ where: { id: res.json.id } });
  expect(row.secret).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
  expect(row.secret).not.toContain('app-password-1234');
  expect(decryptSecret(row.secret)).toBe('app-password-1234');
  expect(res.text).not.toContain(row.secret);
});

test('GET list and GET one never carry the secret', async () => {
  const created = await call('list', 'POST', { body: { ...GMAIL, authMethod: 'xoauth2', password: undefined, accessToken: 'ya29.secret-token' } });
  expect(created.status).toBe(201);
  const list = await call('list', 'GET');
  expect(list.json).toHaveLength(1);
  expect(list.json[0]).toMatchObject({ authMethod: 'xoauth2', hasSecret: true });
  expect(list.text).not.toContain('ya29.secret-token');
  const one = await call('one', 'GET', { id: created.json.id });
  expect(one.json.address).toBe('seed.one@gmail.com');
  expect(one.text).not.toContain('ya29.secret-token');
  expect(one.text).not.toContain('v1:');
});

test('POST without the secret of its auth method, or with the other one: 400 naming the field', async () => {
  const noSecret = await call('list', 'POST', { body: { ...GMAIL, password: undefined } });
  expect(noSecret.status).toBe(400);
  expect(noSecret.json.error).toEqual({ code: 'invalid_input', message: 'password: required when authMethod is password' });
  const noToken = await call('list', 'POST', { body: { ...GMAIL, authMethod: 'xoauth2' } });
  expect(noToken.status).toBe(400);
  expect(noToken.json.error.message).toBe(
    'accessToken: required when authMethod is xoauth2; password: not used when authMethod is xoauth2; send accessToken',
  );
});

test.each([
  [{ address: 'not-an-address' }, 'address: must be an e-mail address, e.g. seed@gmail.com'],
  [{ imapHost: 'imaps://imap.gmail.com:993' }, 'imapHost: must be a host name or an IP address, without scheme or port (e.g. imap.gmail.com)'],
  [{ imapPort: 70000 }, 'imapPort:'],
  [{ imapSecurity: 'ssl' }, 'imapSecurity:'],
  [{ provider: 'aol' }, 'provider:'],
  [{ password: '' }, 'password: must not be empty'],
  [{ extra: 1 }, 'body:'],
])('POST %o: 400 with the field named', async (change, message) => {
  const res = await call('list', 'POST', { body: { ...GMAIL, ...change } });
  expect(res.status).toBe(400);
  expect(res.json.error.code).toBe('invalid_input');
  expect(res.json.error.message).toContain(message);
  expect(await db.seedMailbox.count()).toBe(0);
});

test('the same address twice: 409; IPv4 and IPv6 hosts are accepted', async () => {
  expect((await call('list', 'POST', { body: { ...GMAIL, imapHost: '127.0.0.1' } })).status).toBe(201);
  const again = await call('list', 'POST', { body: { ...GMAIL, address: 'seed.one@GMAIL.COM', imapHost: '::1' } });
  expect(again.status).toBe(409);
  expect(again.json.error.code).toBe('conflict');
});

test('PATCH without a secret keeps the stored one; with a new password re-encrypts it; clears a stale connection test', async () => {
  const created = await call('list', 'POST', { body: GMAIL });
  const before = await db.seedMailbox.findUniqueOrThrow({ where: { id: created.json.id } });
  await db.seedMailbox.update({ where: { id: before.id }, data: { lastTest: JSON.stringify({ ok: true, spam: null }), lastTestAt: new Date() } });
  const renamed = await call('one', 'PATCH', { id: before.id, body: { enabled: false, spamFolder: '[Gmail]/Spam' } });
  expect(renamed.status).toBe(200);
  expect(renamed.json).toMatchObject({ enabled: false, spamFolder: '[Gmail]/Spam', hasSecret: true, lastTest: null });
  const kept = await db.seedMailbox.findUniqueOrThrow({ where: { id: before.id } });
  expect(kept.secret).toBe(before.secret);
  const changed = await call('one', 'PATCH', { id: before.id, body: { password: 'new-app-password' } });
  expect(changed.text).not.toContain('new-app-password');
  const after = await db.seedMailbox.findUniqueOrThrow({ where: { id: before.id } });
  expect(after.secret).not.toBe(before.secret);
  expect(decryptSecret(after.secret)).toBe('new-app-password');
  const cleared = await call('one', 'PATCH', { id: before.id, body: { spamFolder: '' } });
  expect(cleared.json.spamFolder).toBeNull();
});

test('PATCH switching to XOAUTH2 needs the token; a password for an XOAUTH2 mailbox is refused', async () => {
  const created = await call('list', 'POST', { body: GMAIL });
  const noToken = await call('one', 'PATCH', { id: created.json.id, body: { authMethod: 'xoauth2' } });
  expect(noToken.status).toBe(400);
  expect(noToken.json.error.message).toBe('accessToken: required when changing authMethod to xoauth2');
  const switched = await call('one', 'PATCH', { id: created.json.id, body: { authMethod: 'xoauth2', accessToken: 'ya29.new' } });
  expect(switched.json).toMatchObject({ authMethod: 'xoauth2', hasSecret: true });
  const row = await db.seedMailbox.findUniqueOrThrow({ where: { id: created.json.id } });
  expect(decryptSecret(row.secret)).toBe('ya29.new');
  const wrong = await call('one', 'PATCH', { id: created.json.id, body: { password: 'x' } });
  expect(wrong.status).toBe(400);
  expect(wrong.json.error.message).toBe('password: not used when authMethod is xoauth2; send accessToken');
});

test('unknown id: 404 on GET, PATCH, DELETE and test-connection; DELETE answers 204 then the mailbox is gone', async () => {
  for (const [route, method] of [['one', 'GET'], ['one', 'PATCH'], ['one', 'DELETE'], ['test', 'POST']] as const) {
    const res = await call(route, method, { id: 'nope', body: method === 'PATCH' ? { enabled: true } : undefined });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  }
  const created = await call('list', 'POST', { body: GMAIL });
  expect((await call('one', 'DELETE', { id: created.json.id })).status).toBe(204);
  expect((await call('one', 'GET', { id: created.json.id })).status).toBe(404);
});

test('test-connection to a closed port answers ok:false unreachable and stores it as lastTest', async () => {
  const created = await call('list', 'POST', { body: { ...GMAIL, imapHost: '127.0.0.1', imapPort: 1 } });
  const res = await call('test', 'POST', { id: created.json.id });
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ ok: false, error: { kind: 'unreachable', message: 'connection refused: nothing listens on that host and port' } });
  const one = await call('one', 'GET', { id: created.json.id });
  expect(one.json.lastTest).toEqual(res.json);
  expect(typeof one.json.lastTestAt).toBe('string');
});
