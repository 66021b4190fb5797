import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { startDovecot } from '../../helpers/dovecot.ts';
import type { Dovecot } from '../../helpers/dovecot.ts';

// The API path a user takes: register seed mailboxes, press "Test connection", read folders and the spam folder.
let dovecot: Dovecot;
let db: PrismaClient;
let cleanup: () => Promise<void>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let create: Handler;
let testConnection: Handler;

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('base64');
  dovecot = await startDovecot();
  ({ prisma: db, cleanup } = await setupTestDb());
  create = ((await import('../../../app/api/seed-mailboxes/route.ts')) as unknown as Record<string, Handler>).POST;
  testConnection = ((await import('../../../app/api/seed-mailboxes/[id]/test-connection/route.ts')) as unknown as Record<string, Handler>).POST;
});

afterAll(async () => {
  await cleanup?.();
  await dovecot?.stop();
});

async function register(address: string, over: Record<string, unknown> = {}): Promise<string> {
  const body = JSON.stringify({
    provider: 'other',
    address,
    imapHost: '127.0.0.1',
    imapPort: dovecot.imapPort,
    imapSecurity: 'starttls',
    password: 'seedpass',
    trustSelfSigned: true,
    ...over,
  });
  const res = await create(new Request('http://localhost/api/seed-mailboxes', { method: 'POST', body }), { params: Promise.resolve({}) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function pressTest(id: string) {
  const res = await testConnection(new Request('http://localhost/x', { method: 'POST' }), { params: Promise.resolve({ id }) });
  return { status: res.status, text: await res.clone().text(), json: (await res.json()) as Record<string, unknown> };
}

test('the three seed layouts of the issue: folders listed, spam folder and why, stored as lastTest', async () => {
  const expected: Record<string, { path: string; why: string }> = {
    'seed-junk@example.test': { path: 'Junk', why: 'server flags \\Junk (RFC 6154)' },
    'seed-bulk@example.test': { path: 'Bulk Mail', why: 'name "Bulk Mail" (no folder flagged \\Junk)' },
    'seed-fr@example.test': { path: 'Courrier indésirable', why: 'name "Courrier indésirable" (no folder flagged \\Junk)' },
  };
  for (const [address, spam] of Object.entries(expected)) {
    const id = await register(address);
    const res = await pressTest(id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, spam });
    expect((res.json.folders as { path: string }[]).map((f) => f.path).sort()).toEqual(['INBOX', spam.path].sort());
    expect(res.text).not.toContain('seedpass');
    const row = await db.seedMailbox.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(row.lastTest as string)).toEqual(res.json);
    expect(row.lastTestAt).toBeInstanceOf(Date);
  }
});

test('a wrong password is reported as auth_failed, and the password is not echoed', async () => {
  const id = await register('seed-gmail@example.test', { password: 'not-the-password' });
  const res = await pressTest(id);
  expect(res.json).toEqual({ ok: false, error: { kind: 'auth_failed', message: 'the server refused the login: Authentication failed.' } });
  expect(res.text).not.toContain('not-the-password');
});
