import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';

// The quota, usage and API-token routes on a real SQLite file, called as Next.js calls them.

let db: PrismaClient;
let cleanup: () => Promise<void>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  const load = async (name: string, path: string) => {
    routes[name] = (await import(path)) as Record<string, Handler>;
  };
  await load('quotas', '../../../app/api/quotas/route.ts');
  await load('quota', '../../../app/api/quotas/[id]/route.ts');
  await load('history', '../../../app/api/quotas/[id]/history/route.ts');
  await load('usage', '../../../app/api/usage/route.ts');
  await load('tokens', '../../../app/api/api-tokens/route.ts');
  await load('token', '../../../app/api/api-tokens/[id]/route.ts');
});
afterAll(() => cleanup());
beforeEach(async () => {
  await clearTables(db);
  await db.apiToken.deleteMany();
});

async function call(route: string, method: string, opts: { params?: Record<string, string>; body?: string | object; query?: string; auth?: string } = {}) {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.auth ? { authorization: opts.auth } : {}) };
  const res = await routes[route][method](new Request(`http://localhost/api/x${opts.query ?? ''}`, { method, body, headers }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const server = () => db.smtpServer.create({ data: { name: 'Newsletter relay', host: '127.0.0.1', port: 2587, security: 'starttls', fromAddress: 'news@sender.test' } });

test('API tokens: the token is shown once, only its SHA-256 hash and prefix are stored, revoking makes it 401', async () => {
  const created = await call('tokens', 'POST', { body: { name: ' billing export ' } });
  expect(created.status).toBe(201);
  expect(created.json.name).toBe('billing export');
  expect(created.json.token).toMatch(/^iw_[A-Za-z0-9_-]{43}$/);
  expect(created.json.prefix).toBe(created.json.token.slice(0, 10));
  const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.json.id } });
  expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(row)).not.toContain(created.json.token);
  const list = await call('tokens', 'GET');
  expect(list.json).toEqual([{ id: created.json.id, name: 'billing export', prefix: created.json.prefix, createdAt: expect.any(String), lastUsedAt: null }]);
  expect(JSON.stringify(list.json)).not.toContain(created.json.token);
  expect((await call('tokens', 'POST', { body: { name: '' } })).status).toBe(400);

  const s = await server();
  const report = { serverId: s.id, count: 5, clientKey: 'k-1' };
  expect((await call('usage', 'POST', { body: report, auth: `Bearer ${created.json.token}` })).status).toBe(201);
  expect((await call('tokens', 'GET')).json[0].lastUsedAt).not.toBeNull();
  expect((await call('token', 'DELETE', { params: { id: created.json.id } })).status).toBe(204);
  const after = await call('usage', 'POST', { body: { ...report, clientKey: 'k-2' }, auth: `Bearer ${created.json.token}` });
  expect(after).toEqual({ status: 401, json: { error: { code: 'unauthorized', message: 'the API token is not valid (revoked or mistyped)' } } });
  expect((await call('token', 'DELETE', { params: { id: created.json.id } })).status).toBe(404);
});

test('POST /api/usage: 401 without or with a wrong token, 201 once per clientKey, then 200 with the first event and nothing added', async () => {
  const s = await server();
  const { json: token } = await call('tokens', 'POST', { body: { name: 'crm' } });
  const at = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
  const body = { serverId: s.id, count: 120, at, clientKey: 'crm-batch-1' };
  const missing = await call('usage', 'POST', { body });
  expect(missing.status).toBe(401);
  expect(missing.json.error.code).toBe('unauthorized');
  expect(missing.json.error.message).toContain('Authorization: Bearer');
  expect((await call('usage', 'POST', { body, auth: `Bearer ${token.token.slice(0, -1)}x` })).status).toBe(401);
  expect((await call('usage', 'POST', { body, auth: `Basic ${token.token}` })).status).toBe(401);

  const first = await call('usage', 'POST', { body, auth: `Bearer ${token.token}` });
  expect(first.status).toBe(201);
  expect(first.json).toMatchObject({ serverId: s.id, count: 120, at, source: 'api', clientKey: 'crm-batch-1' });
  const again = await call('usage', 'POST', { body: { ...body, count: 999 }, auth: `bearer ${token.token}` });
  expect(again).toEqual({ status: 200, json: first.json });
  expect(await db.usageEvent.count()).toBe(1);
  expect((await db.usageEvent.findFirstOrThrow()).count).toBe(120);

  // Two identical reports at once: one row, both answers carry it.
  const racing = await Promise.all([1, 2].map(() => call('usage', 'POST', { body: { ...body, clientKey: 'race' }, auth: `Bearer ${token.token}` })));
  expect(racing.map((r) => r.status).sort()).toEqual([200, 201]);
  expect(racing[0].json.id).toBe(racing[1].json.id);
  expect(await db.usageEvent.count()).toBe(2);
});

test('POST /api/usage validates count, at and clientKey, and names an unknown server', async () => {
  const s = await server();
  const { json: token } = await call('tokens', 'POST', { body: { name: 'crm' } });
  const post = (over: object) => call('usage', 'POST', { body: { serverId: s.id, count: 1, clientKey: 'k', ...over }, auth: `Bearer ${token.token}` });
  expect((await post({ count: 0 })).json.error.message).toContain('count');
  expect((await post({ count: 1_000_001 })).status).toBe(400);
  expect((await post({ count: 1.5 })).status).toBe(400);
  expect((await post({ clientKey: '' })).status).toBe(400);
  expect((await post({ clientKey: 'x'.repeat(201) })).status).toBe(400);
  expect((await post({ at: 'yesterday' })).json.error.message).toContain('ISO 8601');
  const future = new Date(Date.now() + 10 * 60_000).toISOString();
  expect((await post({ at: future })).json.error.message).toContain('more than 5 minutes in the future');
  expect((await post({ at: new Date(Date.now() + 60_000).toISOString(), clientKey: 'skew' })).status).toBe(201);
  expect(await post({ serverId: 'nope', clientKey: 'n' })).toEqual({ status: 404, json: { error: { code: 'not_found', message: 'no SMTP server with id nope' } } });
});

test('quotas: create with default thresholds, one per (server, window), validation, patch, history and delete', async () => {
  const s = await server();
  const created = await call('quotas', 'POST', { body: { serverId: s.id, window: 'day', limit: 500 } });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ serverId: s.id, serverName: 'Newsletter relay', window: 'day', limit: 500, used: 0, remaining: 500, percent: 0, thresholds: [80, 90, 100], crossed: [], exhausted: false, resetAt: null, projectedExhaustionAt: null });
  const dup = await call('quotas', 'POST', { body: { serverId: s.id, window: 'day', limit: 10 } });
  expect(dup).toEqual({ status: 409, json: { error: { code: 'conflict', message: '"Newsletter relay" has a daily quota already; edit it instead' } } });
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'week', limit: 10 } })).json.error.message).toContain('window must be one of minute, hour, day, month, credits');
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: -1 } })).status).toBe(400);
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: 2.5 } })).status).toBe(400);
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: 10, thresholds: [90, 80] } })).json.error.message).toContain('ascending');
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: 10, thresholds: [80, 80] } })).status).toBe(400);
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: 10, thresholds: [0, 50] } })).status).toBe(400);
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: 10, thresholds: [50, 101] } })).status).toBe(400);
  expect((await call('quotas', 'POST', { body: { serverId: 'nope', window: 'hour', limit: 10 } })).status).toBe(404);

  const hour = await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: 0, thresholds: [50] } });
  expect(hour.json).toMatchObject({ window: 'hour', limit: 0, exhausted: true, exhaustedReason: 'hourly limit 0 blocks every send', thresholds: [50] });
  // A zero limit pauses the server at once; raising it lifts the pause.
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: s.id } })).pausedReason).toBe('quota: hourly limit 0 blocks every send, blocked until the limit is raised on the Quotas page');
  const patched = await call('quota', 'PATCH', { params: { id: hour.json.quotaId }, body: { limit: 100, thresholds: [50, 75] } });
  expect(patched.json).toMatchObject({ limit: 100, thresholds: [50, 75], exhausted: false });
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: s.id } })).pausedReason).toBeNull();
  expect((await call('quota', 'PATCH', { params: { id: hour.json.quotaId }, body: { window: 'day' } })).status).toBe(400);

  const now = Date.now();
  await db.usageEvent.createMany({ data: [
    { serverId: s.id, at: new Date(now - 30 * 60_000), count: 60, source: 'api' },
    { serverId: s.id, at: new Date(now - 90 * 60_000), count: 40, source: 'seed' },
    { serverId: s.id, at: new Date(now - 3 * 86_400_000), count: 7, source: 'seed' },
  ] });
  const list = await call('quotas', 'GET', { query: `?serverId=${s.id}` });
  expect(list.json.map((q: { window: string; used: number; crossed: number[] }) => [q.window, q.used, q.crossed])).toEqual([['day', 100, []], ['hour', 60, [50]]]);
  expect((await call('quotas', 'GET', { query: '?serverId=other' })).json).toEqual([]);

  const history = await call('history', 'GET', { params: { id: created.json.quotaId } });
  expect(history.json.bucket).toBe('hour');
  expect(history.json.points.length).toBeGreaterThanOrEqual(48);
  expect(history.json.points.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(100);
  const long = await call('history', 'GET', { params: { id: created.json.quotaId }, query: '?days=4' });
  expect(long.json.points.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(107);
  expect((await call('history', 'GET', { params: { id: created.json.quotaId }, query: '?days=0' })).status).toBe(400);

  expect((await call('quota', 'DELETE', { params: { id: created.json.quotaId } })).status).toBe(204);
  expect((await call('quota', 'DELETE', { params: { id: created.json.quotaId } })).status).toBe(404);
  expect((await call('quotas', 'PUT')).status).toBe(405);
});

test('credits: the balance counts from when it is set; a new limit is a new balance (injected clock)', async () => {
  const { createQuota } = await import('../../../lib/quotas/create-quota.ts');
  const { getQuotaState } = await import('../../../lib/quotas/get-quota-state.ts');
  const { updateQuota } = await import('../../../lib/quotas/update-quota.ts');
  const s = await server();
  const t0 = new Date('2026-11-20T10:00:00Z');
  const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const created = await createQuota({ serverId: s.id, window: 'credits', limit: 1000, now: t0 });
  expect(created.creditsSetAt?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
  await db.usageEvent.createMany({ data: [
    { serverId: s.id, at: plus(-3600), count: 50, source: 'api' },
    { serverId: s.id, at: plus(1), count: 30, source: 'seed' },
  ] });
  expect(await getQuotaState({ id: created.quotaId, now: plus(10) })).toMatchObject({ used: 30, remaining: 970, percent: 3, resetAt: null });
  const topped = await updateQuota({ id: created.quotaId, patch: { limit: 2000 }, now: plus(20) });
  expect(topped).toMatchObject({ limit: 2000, used: 0, remaining: 2000 });
  expect(topped.creditsSetAt?.toISOString()).toBe('2026-11-20T10:00:20.000Z');
});

test('an unknown limit (from a relay reply) is shown as null; the API never sets null but a number replaces it', async () => {
  const s = await server();
  const until = new Date(Date.now() + 3 * 3_600_000);
  const row = await db.quota.create({ data: { serverId: s.id, window: 'day', limit: null, exhaustedAt: new Date(), exhaustedUntil: until, exhaustedReason: '550 5.4.5 Daily user sending quota exceeded' } });
  await db.usageEvent.create({ data: { serverId: s.id, at: new Date(Date.now() - 60_000), count: 12, source: 'seed' } });
  const got = await call('quota', 'GET', { params: { id: row.id } });
  expect(got.json).toMatchObject({
    window: 'day', limit: null, used: 12, remaining: null, percent: null, crossed: [], exhausted: true,
    exhaustedReason: '550 5.4.5 Daily user sending quota exceeded', resetAt: until.toISOString(), projectedExhaustionAt: null, exhaustedUntil: until.toISOString(),
  });
  expect((await call('quotas', 'POST', { body: { serverId: s.id, window: 'hour', limit: null } })).status).toBe(400);
  expect((await call('quota', 'PATCH', { params: { id: row.id }, body: { limit: null } })).status).toBe(400);
  const set = await call('quota', 'PATCH', { params: { id: row.id }, body: { limit: 100 } });
  // The limit is known now; the relay's mark still holds the window until it ends.
  expect(set.json).toMatchObject({ limit: 100, used: 12, remaining: 88, percent: 12, exhausted: true, resetAt: until.toISOString() });
  const cleared = await call('quota', 'PATCH', { params: { id: row.id }, body: { clearExhausted: true } });
  expect(cleared.json).toMatchObject({ limit: 100, exhausted: false, exhaustedUntil: null });
});
