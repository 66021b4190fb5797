import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { makeCertificate, startSubmissionPeer } from '../../helpers/smtp-peers.ts';
import type { SmtpPeer, TestCertificate } from '../../helpers/smtp-peers.ts';

// The /api/smtp-servers route handlers on a real SQLite file, with a real STARTTLS + AUTH peer for test-connection.
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};
const PASSWORD = 'correct-horse-battery-staple';
let db: PrismaClient;
let cleanup: () => Promise<void>;
let cert: TestCertificate;
let peer: SmtpPeer;

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('base64');
  process.env.PLACEMENT_DEFAULT_CRON = '15 */6 * * *';
  ({ prisma: db, cleanup } = await setupTestDb());
  cert = makeCertificate();
  peer = await startSubmissionPeer(cert, { user: 'sender@sender.test', pass: PASSWORD });
  routes.servers = (await import('../../../app/api/smtp-servers/route.ts')) as unknown as Record<string, Handler>;
  routes.server = (await import('../../../app/api/smtp-servers/[id]/route.ts')) as unknown as Record<string, Handler>;
  routes.test = (await import('../../../app/api/smtp-servers/[id]/test-connection/route.ts')) as unknown as Record<string, Handler>;
});
afterAll(async () => {
  await peer.close();
  cert.cleanup();
  await cleanup();
});

async function call(route: string, method: string, opts: { id?: string; body?: string | object } = {}) {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const req = new Request('http://localhost/api/smtp-servers', { method, body, headers: { 'content-type': 'application/json' } });
  const params: Record<string, string> = opts.id ? { id: opts.id } : {};
  const res = await routes[route][method](req, { params: Promise.resolve(params) });
  const text = await res.text();
  if (text.includes(PASSWORD)) throw new Error(`the password leaked into a ${method} ${route} response`);
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const valid = () => ({
  name: 'Submission relay',
  host: '127.0.0.1',
  port: peer.port,
  security: 'starttls',
  authUser: 'sender@sender.test',
  password: PASSWORD,
  fromAddress: 'sender@sender.test',
  heloName: 'client.sender.test',
  trustSelfSigned: true,
});

test('POST creates a server: 201, password write-only (hasPassword), default cron, next run computed', async () => {
  const res = await call('servers', 'POST', { body: valid() });
  expect(res.status).toBe(201);
  expect(res.json).toMatchObject({
    name: 'Submission relay',
    host: '127.0.0.1',
    port: peer.port,
    security: 'starttls',
    authUser: 'sender@sender.test',
    hasPassword: true,
    fromAddress: 'sender@sender.test',
    heloName: 'client.sender.test',
    trustSelfSigned: true,
    scheduleCron: '15 */6 * * *',
    enabled: true,
    pausedReason: null,
    lastTest: null,
  });
  expect(res.json).not.toHaveProperty('password');
  expect(res.json).not.toHaveProperty('authSecret');
  expect(new Date(res.json.nextRunAt).getUTCMinutes()).toBe(15);
});

test('the password is stored encrypted: the row never holds it in clear, and it decrypts back', async () => {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "SmtpServer"');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(String(row.authSecret)).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
  }
  const { decryptSecret } = await import('../../../lib/crypto.ts');
  expect(decryptSecret(String(rows[0].authSecret))).toBe(PASSWORD);
});

test('GET lists and reads servers without secrets; an unknown id is 404', async () => {
  const list = await call('servers', 'GET');
  expect(list.status).toBe(200);
  expect(list.json.map((s: { name: string; hasPassword: boolean }) => [s.name, s.hasPassword])).toContainEqual(['Submission relay', true]);
  const one = await call('server', 'GET', { id: list.json[0].id });
  expect(one.json.id).toBe(list.json[0].id);
  const missing = await call('server', 'GET', { id: 'nope' });
  expect(missing).toEqual({ status: 404, json: { error: { code: 'not_found', message: 'no SMTP server with id nope' } } });
});

test('test-connection reaches AUTH through STARTTLS and stores lastTest; a wrong password is config_error / auth', async () => {
  const created = (await call('servers', 'POST', { body: { ...valid(), name: 'Probe' } })).json;
  const ok = await call('test', 'POST', { id: created.id });
  expect(ok.status).toBe(200);
  expect(ok.json).toMatchObject({ ok: true, stage: 'auth', outcome: 'accepted', category: 'connection_ok', code: 235 });
  expect(ok.json.message).toContain('EHLO and AUTH as sender@sender.test accepted');
  const stored = (await call('server', 'GET', { id: created.id })).json;
  expect(stored.lastTest).toEqual(ok.json);
  expect(stored.lastTestAt).not.toBeNull();

  await call('server', 'PATCH', { id: created.id, body: { password: 'not-the-password' } });
  const bad = await call('test', 'POST', { id: created.id });
  expect(bad.json).toMatchObject({ ok: false, stage: 'auth', outcome: 'config_error', category: 'auth', code: 535, enhancedCode: '5.7.8' });
  expect(JSON.stringify(bad.json)).not.toContain('not-the-password');
});

test('PATCH keeps the password when omitted, replaces it, clears it with null; pausing sets the reason', async () => {
  const created = (await call('servers', 'POST', { body: { ...valid(), name: 'Patchable' } })).json;
  const renamed = await call('server', 'PATCH', { id: created.id, body: { name: 'Renamed', enabled: false } });
  expect(renamed.json).toMatchObject({ name: 'Renamed', hasPassword: true, enabled: false, pausedReason: 'paused by the user', nextRunAt: null });
  const before = await db.smtpServer.findUniqueOrThrow({ where: { id: created.id } });
  await call('server', 'PATCH', { id: created.id, body: { heloName: null } });
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: created.id } })).authSecret).toBe(before.authSecret);
  const resumed = await call('server', 'PATCH', { id: created.id, body: { enabled: true } });
  expect(resumed.json).toMatchObject({ enabled: true, pausedReason: null, heloName: null });
  const cleared = await call('server', 'PATCH', { id: created.id, body: { password: null } });
  expect(cleared.json.hasPassword).toBe(false);
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: created.id } })).authSecret).toBeNull();
  const noAuth = await call('server', 'PATCH', { id: created.id, body: { password: 'again-a-secret', authUser: null } });
  expect(noAuth.status).toBe(400);
  expect(noAuth.json.error.message).toBe('authUser: a password needs an auth user');
});

test('DELETE removes the server (204), then 404', async () => {
  const created = (await call('servers', 'POST', { body: { ...valid(), name: 'Doomed' } })).json;
  expect((await call('server', 'DELETE', { id: created.id })).status).toBe(204);
  expect((await call('server', 'DELETE', { id: created.id })).status).toBe(404);
});

test.each([
  [{ host: 'not a host!' }, 'host: must be a host name (smtp.example.com) or an IP address'],
  [{ port: 0 }, 'port: Too small: expected number to be >=1'],
  [{ port: 70000 }, 'port: Too big: expected number to be <=65535'],
  [{ security: 'ssl' }, 'security: Invalid option: expected one of "implicit_tls"|"starttls"|"none"'],
  [{ fromAddress: 'not-an-address' }, 'fromAddress: must be an email address such as sender@example.com'],
  [{ heloName: 'localhost' }, 'heloName: must be a fully qualified host name such as mail.example.com'],
  [{ scheduleCron: '61 * * * *' }, 'scheduleCron "61 * * * *" is not a valid cron expression'],
  [{ host: 'smtp.example.com', security: 'none' }, 'refusing to send a password over an unencrypted connection'],
  [{ authUser: undefined }, 'authUser: a password needs an auth user'],
  [{ password: 'x', extra: 1 }, 'Unrecognized key: "extra"'],
])('POST %j → 400 invalid_input with the reason', async (over, message) => {
  const res = await call('servers', 'POST', { body: { ...valid(), ...over } });
  expect(res.status).toBe(400);
  expect(res.json.error.code).toBe('invalid_input');
  expect(res.json.error.message).toContain(message);
});

test('malformed JSON and a PATCH that would send the stored password in clear to a remote host are 400', async () => {
  expect((await call('servers', 'POST', { body: '{"name":' })).json).toEqual({ error: { code: 'invalid_input', message: 'the request body is not valid JSON' } });
  const created = (await call('servers', 'POST', { body: { ...valid(), name: 'Remote', host: 'smtp.example.com' } })).json;
  const res = await call('server', 'PATCH', { id: created.id, body: { security: 'none' } });
  expect(res.status).toBe(400);
  expect(res.json.error.message).toContain('refusing to send a password over an unencrypted connection');
  const loopback = await call('servers', 'POST', { body: { ...valid(), name: 'Local plain', security: 'none' } });
  expect(loopback.status).toBe(201);
  const idn = await call('servers', 'POST', { body: { ...valid(), name: 'IDN', host: 'smtp.bücher.example', password: undefined, authUser: undefined } });
  expect(idn.json).toMatchObject({ host: 'smtp.xn--bcher-kva.example', hasPassword: false, authUser: null });
});
