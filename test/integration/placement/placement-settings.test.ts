import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { ACCEPTED, clock, fakeImap, fakeSmtp, seedRows } from './fakes.ts';

// Issue 3: "The collection deadline and poll interval are settings." GET/PUT /api/settings on a real SQLite file,
// stored as Setting rows, and the worker's tick (advancePlacementTests, every 5 s) follows a changed interval at
// once: no restart.

type Handler = (request: Request) => Promise<Response>;
let db: PrismaClient;
let cleanup: () => Promise<void>;
let route: Record<'GET' | 'PUT', Handler>;
let lib: typeof import('../../../lib/placement/create-placement-test.ts') &
  typeof import('../../../lib/placement/send-placement-test.ts') &
  typeof import('../../../lib/placement/advance-placement-tests.ts') &
  typeof import('../../../lib/placement/placement-settings.ts');

beforeAll(async () => {
  process.env.PLACEMENT_COLLECT_DEADLINE_SECONDS = '1800';
  process.env.PLACEMENT_POLL_INTERVAL_SECONDS = '30';
  ({ prisma: db, cleanup } = await setupTestDb());
  route = (await import('../../../app/api/settings/route.ts')) as unknown as Record<'GET' | 'PUT', Handler>;
  lib = {
    ...(await import('../../../lib/placement/create-placement-test.ts')),
    ...(await import('../../../lib/placement/send-placement-test.ts')),
    ...(await import('../../../lib/placement/advance-placement-tests.ts')),
    ...(await import('../../../lib/placement/placement-settings.ts')),
  };
});
afterAll(() => cleanup());
beforeEach(() => clearTables(db));

async function call(method: 'GET' | 'PUT', body?: unknown) {
  const res = await route[method](
    new Request('http://localhost/api/settings', { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) }),
  );
  return { status: res.status, json: await res.json() };
}

test('GET shows the environment defaults; PUT saves deadline and poll interval as settings; GET and the worker read them', async () => {
  expect((await call('GET')).json).toMatchObject({ placementCollectDeadlineSeconds: 1800, placementPollIntervalSeconds: 30 });
  const put = await call('PUT', { placementCollectDeadlineSeconds: 600, placementPollIntervalSeconds: 10 });
  expect(put.status).toBe(200);
  expect(put.json).toMatchObject({ placementCollectDeadlineSeconds: 600, placementPollIntervalSeconds: 10 });
  expect(await db.setting.findMany({ where: { key: { startsWith: 'placement.' } }, orderBy: { key: 'asc' }, select: { key: true, value: true } })).toEqual([
    { key: 'placement.collectDeadlineSeconds', value: '600' },
    { key: 'placement.pollIntervalSeconds', value: '10' },
  ]);
  expect(await lib.placementSettings({ db })).toMatchObject({ collectDeadlineSeconds: 600, pollIntervalSeconds: 10, retryIntervalSeconds: 900 });
  // Only the fields given are saved: recipients alone leave the timing as it is.
  expect((await call('PUT', { alertEmailTo: ['ops@example.test'] })).json).toMatchObject({ alertEmailTo: ['ops@example.test'], placementCollectDeadlineSeconds: 600 });
  // A new test's deadline uses the setting.
  const server = await seedRows(db);
  const smtp = fakeSmtp(() => ACCEPTED);
  const c = clock('2026-11-29T15:00:00.000Z');
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  expect((await db.placementTest.findUniqueOrThrow({ where: { id } })).deadlineAt?.toISOString()).toBe('2026-11-29T15:10:00.000Z');
});

test('PUT refuses out-of-range, fractional and inconsistent timing with a 400 that names the field', async () => {
  const cases: [object, string][] = [
    [{ placementCollectDeadlineSeconds: 59 }, 'placementCollectDeadlineSeconds must be at least 60 seconds'],
    [{ placementCollectDeadlineSeconds: 8 * 86_400 }, 'placementCollectDeadlineSeconds must be at most 604800 seconds'],
    [{ placementPollIntervalSeconds: 4 }, 'placementPollIntervalSeconds must be at least 5 seconds'],
    [{ placementPollIntervalSeconds: 7.5 }, 'placementPollIntervalSeconds must be a whole number of seconds'],
    [{ placementPollIntervalSeconds: '30' }, 'placementPollIntervalSeconds must be a whole number of seconds'],
    [{ placementCollectDeadlineSeconds: 120, placementPollIntervalSeconds: 120 }, 'placementPollIntervalSeconds (120) must be shorter than placementCollectDeadlineSeconds (120)'],
    [{}, 'nothing to update'],
  ];
  for (const [body, message] of cases) {
    const res = await call('PUT', body);
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.message, JSON.stringify(body)).toContain(message);
  }
  expect(await db.setting.count()).toBe(0);
});

test('the worker tick follows a changed poll interval without a restart', async () => {
  const server = await seedRows(db);
  const smtp = fakeSmtp(() => ACCEPTED);
  const c = clock('2026-11-29T16:00:00.000Z');
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
  const imap = fakeImap({ 'seed-gmail@example.test': () => ({ found: false }), 'seed-outlook@example.test': () => ({ found: false }), 'seed-yahoo@example.test': () => ({ found: false }) });
  const tick = async () => (await lib.advancePlacementTests({ sendDeps: smtp.deps, collectDeps: imap.deps, now: c.now })).collected;
  c.advance(5);
  expect(await tick()).toBe(1);
  c.advance(5);
  expect(await tick()).toBe(0); // 5 s after the last poll, interval 30 s: not due
  expect((await call('PUT', { placementPollIntervalSeconds: 5 })).status).toBe(200);
  c.advance(5);
  expect(await tick()).toBe(1); // the next tick polls again at the new interval
  c.advance(5);
  expect(await tick()).toBe(1);
});
