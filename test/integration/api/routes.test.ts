import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { startDnsPeer } from '../helpers/dns-peer.ts';
import { BL, DBL, RETIRED } from '../helpers/test-zones.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let peer: Awaited<ReturnType<typeof startDnsPeer>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};

beforeAll(async () => {
  peer = await startDnsPeer({
    '2.0.0.127.bl.test': { a: ['127.0.0.2'] },
    '1.2.0.192.bl.test': { a: ['127.0.0.2'], txt: 'Listed in test BL: 192.0.2.1' },
    'test.dbl.test': { a: ['127.0.1.2'] },
  });
  Object.assign(process.env, {
    DNSBL_RESOLVER: peer.server,
    DNSBL_CONFIRM_DELAY_MS: '0',
    DNSBL_TIMEOUT_MS: '300',
    DNSBL_TRIES: '1',
    DNSBL_SWEEP_CRON: '*/30 * * * *',
    ALERT_EMAIL_TO: 'ops@example.test',
  });
  delete process.env.ALERT_SMTP_URL;
  ({ prisma: db, cleanup } = await setupTestDb());
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  await syncCatalog({ catalog: [BL, DBL, RETIRED] });
  const load = async (name: string, path: string) => {
    routes[name] = (await import(path)) as Record<string, Handler>;
  };
  await load('assets', '../../../app/api/assets/route.ts');
  await load('asset', '../../../app/api/assets/[id]/route.ts');
  await load('check', '../../../app/api/assets/[id]/check/route.ts');
  await load('listings', '../../../app/api/assets/[id]/listings/route.ts');
  await load('events', '../../../app/api/assets/[id]/events/route.ts');
  await load('history', '../../../app/api/assets/[id]/history/route.ts');
  await load('zones', '../../../app/api/zones/route.ts');
  await load('zone', '../../../app/api/zones/[zone]/route.ts');
  await load('overview', '../../../app/api/overview/route.ts');
  await load('sweeps', '../../../app/api/sweeps/route.ts');
  await load('jobs', '../../../app/api/jobs/route.ts');
  await load('settings', '../../../app/api/settings/route.ts');
  await load('testEmail', '../../../app/api/settings/test-email/route.ts');
  await load('health', '../../../app/api/health/route.ts');
});
afterAll(async () => {
  await peer.close();
  await cleanup();
});

async function call(route: string, method: string, opts: { params?: Record<string, string>; body?: string | object; query?: string } = {}) {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const req = new Request(`http://localhost/api/x${opts.query ?? ''}`, { method, body, headers: { 'content-type': 'application/json' } });
  const res = await routes[route][method](req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

test('POST /api/assets refuses each invalid value with a 400 that says what is wrong', async () => {
  for (const value of ['192.0.2.010', '300.1.1.1', '2001:db8:::1', 'exa mple.com', '198.51.100.0/33']) {
    const res = await call('assets', 'POST', { body: { value } });
    expect(res.status, value).toBe(400);
    expect(res.json.error.code, value).toBe('invalid_input');
    expect(res.json.error.message.length, value).toBeGreaterThan(10);
  }
  const big = await call('assets', 'POST', { body: { value: '10.0.0.0/8' } });
  expect(big.status).toBe(400);
  expect(big.json.error.code).toBe('range_too_large');
  expect(big.json.error.message).toContain('/16');
  const notJson = await call('assets', 'POST', { body: '{"value": ' });
  expect(notJson).toEqual({ status: 400, json: { error: { code: 'invalid_input', message: 'the request body is not valid JSON' } } });
  const unknown = await call('assets', 'POST', { body: { value: '192.0.2.1', colour: 'red' } });
  expect(unknown.status).toBe(400);
  expect(unknown.json.error.message).toContain('colour');
  const missing = await call('assets', 'POST', { body: {} });
  expect(missing.status).toBe(400);
  expect(missing.json.error.message).toContain('value');
  const wrongType = await call('assets', 'POST', { body: { value: 42 } });
  expect(wrongType.status).toBe(400);
});

test('assets: create (201), duplicate (409), list, get, patch, delete (204), unknown id (404)', async () => {
  const created = await call('assets', 'POST', { body: { value: '2001:DB8:0::25', label: 'mx2' } });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ kind: 'ip', value: '2001:db8::25' });
  expect(Object.keys(created.json).sort()).toEqual(['id', 'kind', 'value', 'warnings']);
  expect(created.json.warnings).toEqual([]);
  const dup = await call('assets', 'POST', { body: { value: '2001:db8::25' } });
  expect(dup.status).toBe(409);
  expect(dup.json.error).toEqual({ code: 'conflict', message: '2001:db8::25 is already monitored' });
  const id = created.json.id as string;
  const list = await call('assets', 'GET');
  const item = list.json.find((a: { id: string }) => a.id === id);
  expect(item).toMatchObject({ kind: 'ip', value: '2001:db8::25', display: '2001:db8::25', label: 'mx2', enabled: true, targets: 1, status: 'unchecked', listed: 0, errors: 0, lastCheckedAt: null });
  expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);
  const patched = await call('asset', 'PATCH', { params: { id }, body: { enabled: false, label: 'paused mx' } });
  expect(patched.json).toMatchObject({ id, enabled: false, label: 'paused mx' });
  const badPatch = await call('asset', 'PATCH', { params: { id }, body: { enabled: 'no' } });
  expect(badPatch.status).toBe(400);
  expect(badPatch.json.error.message).toContain('enabled');
  expect((await call('asset', 'GET', { params: { id: 'nope' } })).json).toEqual({ error: { code: 'not_found', message: 'no asset with id nope' } });
  expect((await call('asset', 'PATCH', { params: { id: 'nope' }, body: { label: 'x' } })).status).toBe(404);
  expect((await call('listings', 'GET', { params: { id: 'nope' } })).status).toBe(404);
  expect((await call('check', 'POST', { params: { id: 'nope' } })).status).toBe(404);
  expect((await call('asset', 'DELETE', { params: { id } })).status).toBe(204);
  expect((await call('asset', 'GET', { params: { id } })).status).toBe(404);
});

test('check now sweeps one asset against a real DNS peer and answers with its listings', async () => {
  const { json: asset } = await call('assets', 'POST', { body: { value: '192.0.2.1' } });
  const res = await call('check', 'POST', { params: { id: asset.id } });
  expect(res.status).toBe(200);
  expect(res.json.jobRunId).toMatch(/^manual-/);
  expect(res.json.listings).toEqual([
    expect.objectContaining({
      target: '192.0.2.1',
      zone: 'bl.test',
      verdict: 'listed',
      codes: ['127.0.0.2'],
      meanings: ['Direct spam source'],
      txt: 'Listed in test BL: 192.0.2.1',
      state: 'listed',
      delistUrl: 'https://bl.test/delist',
    }),
    expect.objectContaining({ target: '192.0.2.1', zone: 'dbl.test', verdict: 'not_applicable' }),
  ]);
  const row = res.json.listings[0];
  expect(row.since).toBe(row.firstListedAt);
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: res.json.jobRunId } });
  expect(run).toMatchObject({ jobId: 'dnsbl.check', trigger: 'manual', status: 'succeeded' });
  const events = await call('events', 'GET', { params: { id: asset.id } });
  expect(events.json).toEqual([expect.objectContaining({ target: '192.0.2.1', zone: 'bl.test', kind: 'listed', codes: ['127.0.0.2'], txt: 'Listed in test BL: 192.0.2.1' })]);
  const history = await call('history', 'GET', { params: { id: asset.id } });
  expect(history.json).toEqual([expect.objectContaining({ listed: 1, notListed: 0, errors: 0, notApplicable: 1 })]);
  const listedOnly = await call('listings', 'GET', { params: { id: asset.id }, query: '?verdict=listed' });
  expect(listedOnly.json.map((r: { zone: string }) => r.zone)).toEqual(['bl.test']);
  const got = await call('asset', 'GET', { params: { id: asset.id } });
  expect(got.json).toMatchObject({ status: 'listed', listed: 1 });
  const overview = await call('overview', 'GET');
  expect(overview.json).toMatchObject({ assets: 1, listed: 1, clean: 0, errors: 0, unchecked: 0, zonesEnabled: 2, zonesUnhealthy: 0 });
  expect(overview.json.resolver).toEqual({ status: 'ok', isPublic: false, servers: [peer.server], zonesChecked: 1, zonesFailed: 0 });
  expect(overview.json).toMatchObject({ zonesBudgetExhausted: 0, budgetExhaustedZones: [] });
  expect(overview.json.recentEvents[0]).toMatchObject({ assetId: asset.id, value: '192.0.2.1', kind: 'listed', zone: 'bl.test' });
  expect(typeof overview.json.nextSweepAt).toBe('string');
});

test('listings query parameters are validated', async () => {
  const { json: asset } = await call('assets', 'POST', { body: { value: 'example.com' } });
  for (const query of ['?verdict=bogus', '?limit=0', '?limit=20000', '?offset=-1', '?colour=red']) {
    const res = await call('listings', 'GET', { params: { id: asset.id }, query });
    expect(res.status, query).toBe(400);
    expect(res.json.error.code, query).toBe('invalid_input');
  }
  expect((await call('listings', 'GET', { params: { id: asset.id }, query: '?limit=5&offset=0' })).json).toEqual([]);
});

test('zones: list with health, patch weight and budget; a retired zone cannot be enabled; bad values are 400', async () => {
  const zones = await call('zones', 'GET');
  const bl = zones.json.find((z: { zone: string }) => z.zone === 'bl.test');
  expect(bl).toMatchObject({ name: 'Test BL', operator: 'Test Operator', keyTypes: ['ip4', 'ip6'], polarity: 'block', status: 'active', enabled: true, weight: 1, dailyBudget: null, health: 'healthy', delistUrl: 'https://bl.test/delist' });
  expect(bl.returnCodes[0]).toEqual({ code: '127.0.0.2', meaning: 'Direct spam source', severity: 'high' });
  expect(bl.budgetUsed).toBeGreaterThan(0);
  const retired = await call('zone', 'PATCH', { params: { zone: 'dnsbl.retired.test' }, body: { enabled: true } });
  expect(retired.status).toBe(400);
  expect(retired.json.error.message).toBe('zone dnsbl.retired.test cannot be enabled: it was retired on 2024-06-05');
  expect((await call('zone', 'PATCH', { params: { zone: 'bl.test' }, body: { weight: 11 } })).status).toBe(400);
  expect((await call('zone', 'PATCH', { params: { zone: 'bl.test' }, body: { dailyBudget: -1 } })).status).toBe(400);
  expect((await call('zone', 'PATCH', { params: { zone: 'no.such.zone' }, body: { enabled: false } })).status).toBe(404);
  const ok = await call('zone', 'PATCH', { params: { zone: 'bl.test' }, body: { weight: 7.5, dailyBudget: 300000 } });
  expect(ok.json).toMatchObject({ zone: 'bl.test', weight: 7.5, dailyBudget: 300000 });
  const unlimited = await call('zone', 'PATCH', { params: { zone: 'bl.test' }, body: { dailyBudget: null } });
  expect(unlimited.json.dailyBudget).toBeNull();
});

test('settings: recipients override the environment; bad addresses are 400; test email without SMTP is 503', async () => {
  expect((await call('settings', 'GET')).json).toEqual({ alertEmailTo: ['ops@example.test'], alertSmtpConfigured: false, resolver: [peer.server], sweepCron: '*/30 * * * *', placementCollectDeadlineSeconds: 1800, placementPollIntervalSeconds: 30 });
  const bad = await call('settings', 'PUT', { body: { alertEmailTo: ['not-an-address'] } });
  expect(bad.status).toBe(400);
  expect(bad.json.error.message).toContain('not-an-address is not an email address');
  const put = await call('settings', 'PUT', { body: { alertEmailTo: ['a@example.test', 'b@example.test'] } });
  expect(put.json.alertEmailTo).toEqual(['a@example.test', 'b@example.test']);
  const test503 = await call('testEmail', 'POST');
  expect(test503.status).toBe(503);
  expect(test503.json.error).toEqual({ code: 'unavailable', message: 'no alert SMTP server is configured (set ALERT_SMTP_URL)' });
});

test('POST /api/sweeps starts a full sweep (202), refuses a second one while it runs (409), and jobs list it', async () => {
  const started = await call('sweeps', 'POST');
  expect(started.status).toBe(202);
  const again = await call('sweeps', 'POST');
  expect(again.status).toBe(409);
  expect(again.json.error.message).toContain(started.json.jobRunId);
  let status = 'running';
  for (let i = 0; i < 100 && status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = (await db.jobRun.findUniqueOrThrow({ where: { id: started.json.jobRunId } })).status;
  }
  expect(status).toBe('succeeded');
  const jobs = await call('jobs', 'GET');
  expect(jobs.json.schedules).toEqual(expect.arrayContaining([{ jobId: 'dnsbl.sweep', cron: '*/30 * * * *', nextRunAt: expect.any(String) }]));
  const run = jobs.json.runs.find((r: { id: string }) => r.id === started.json.jobRunId);
  expect(run).toMatchObject({ jobId: 'dnsbl.sweep', trigger: 'manual', status: 'succeeded' });
  expect(run.summary).toMatchObject({ assets: 2, zones: 2, resolver: { status: 'ok' } });
  expect(run.progressTotal).toBeGreaterThan(0);
  expect(run.progressTotal).toBe(run.progressDone);
  expect((await call('overview', 'GET')).json.lastSweep).toMatchObject({ id: started.json.jobRunId, status: 'succeeded' });
});

test('GET /api/health answers 200 { ok: true } while the database is up', async () => {
  expect(await call('health', 'GET')).toEqual({ status: 200, json: { ok: true } });
});
