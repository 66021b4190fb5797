import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import type { SendOutcome } from '../../../lib/smtp/types.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { ACCEPTED, clock, fakeSmtp, seedRows } from '../placement/fakes.ts';

// Quotas against the placement scheduler on a real SQLite file, with scripted SMTP and an injected clock.

let db: PrismaClient;
let cleanup: () => Promise<void>;
let lib: typeof import('../../../lib/quotas/can-send.ts') &
  typeof import('../../../lib/quotas/record-quota-reply.ts') &
  typeof import('../../../lib/quotas/sync-quota-pauses.ts') &
  typeof import('../../../lib/quotas/get-quota-states.ts') &
  typeof import('../../../lib/placement/run-scheduled-placements.ts') &
  typeof import('../../../lib/placement/create-placement-test.ts') &
  typeof import('../../../lib/placement/send-placement-test.ts') &
  typeof import('../../../lib/smtp/classify-smtp-reply.ts') &
  typeof import('../../../lib/smtp/parse-smtp-reply.ts');

const START = '2026-11-29T14:00:00.000Z';

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  lib = {
    ...(await import('../../../lib/quotas/can-send.ts')),
    ...(await import('../../../lib/quotas/record-quota-reply.ts')),
    ...(await import('../../../lib/quotas/sync-quota-pauses.ts')),
    ...(await import('../../../lib/quotas/get-quota-states.ts')),
    ...(await import('../../../lib/placement/run-scheduled-placements.ts')),
    ...(await import('../../../lib/placement/create-placement-test.ts')),
    ...(await import('../../../lib/placement/send-placement-test.ts')),
    ...(await import('../../../lib/smtp/classify-smtp-reply.ts')),
    ...(await import('../../../lib/smtp/parse-smtp-reply.ts')),
  };
});
afterAll(() => cleanup());
beforeEach(() => clearTables(db));

const GMAIL_QUOTA: SendOutcome = {
  outcome: 'rejected', category: 'quota_exhausted', retryable: false, stage: 'data', code: 550, enhancedCode: '5.4.5',
  text: 'Daily user sending quota exceeded', message: 'the sending quota of this account is exhausted (550 5.4.5)',
  quota: { scope: 'per_day', resetHint: 'rolling 24 hours after the first message of the window' },
};

const runs = async (serverId: string) =>
  (await db.jobRun.findMany({ where: { jobId: `placement.test:${serverId}` }, orderBy: { startedAt: 'asc' } })).map((r) => ({ status: r.status, summary: r.summary ? JSON.parse(r.summary) : null }));

test('canSend blocks at the limit; the scheduler skips that server with the reason and sends again once the rolling day frees', async () => {
  const server = await seedRows(db, { scheduleCron: '0 * * * *' });
  const c = clock(START);
  await db.quota.create({ data: { serverId: server.id, window: 'day', limit: 6 } });
  await db.usageEvent.create({ data: { serverId: server.id, at: new Date('2026-11-29T10:00:00Z'), count: 3, source: 'api' } });
  expect(await lib.canSend({ serverId: server.id, messages: 3, now: c.now() })).toEqual({ ok: true });
  expect(await lib.canSend({ serverId: server.id, messages: 4, now: c.now() })).toEqual({
    ok: false, reason: 'quota: daily limit 6 would be passed (3 used, 4 to send), resets 2026-11-30 10:00 UTC', resetAt: new Date('2026-11-30T10:00:00Z'),
  });

  // 14:00: room for the 3 seeds → the test is sent and the day window is full (6 of 6).
  const smtp = fakeSmtp(() => ACCEPTED);
  expect((await lib.runScheduledPlacements({ minute: c.now(), deps: smtp.deps, now: c.now }))[0].result).toBe('succeeded');
  expect(smtp.sends).toHaveLength(3);
  expect((await lib.getQuotaStates({ now: c.now() }))[0]).toMatchObject({ used: 6, remaining: 0, percent: 100, crossed: [80, 90, 100], exhausted: true });

  // 15:00: blocked → skipped with the reason, nothing sent, the server shows the quota pause. The 3 seeds fit
  // again when the 3 API sends of 10:00 leave the rolling day: 2026-11-30 10:00.
  c.advance(3600);
  expect((await lib.runScheduledPlacements({ minute: c.now(), deps: smtp.deps, now: c.now }))[0].result).toBe('succeeded');
  expect(smtp.sends).toHaveLength(3);
  const reason = 'quota: daily limit 6 reached, resets 2026-11-30 10:00 UTC';
  expect((await runs(server.id)).at(-1)).toEqual({ status: 'succeeded', summary: { skipped: reason } });
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: server.id } })).pausedReason).toBe(reason);
  expect(await db.placementTest.count()).toBe(1);

  // A manual test is refused with the reason and the reset time (the route answers 409).
  await expect(lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now })).rejects.toMatchObject({
    code: 'conflict', status: 409, message: `the SMTP server "Newsletter relay" is paused: ${reason}`,
  });

  // 2026-11-30 10:00: the 3 API sends left (3 of 6 used): the pause lifts on the next tick, with no slot due.
  c.advance(19 * 3600 - 1);
  expect((await lib.syncQuotaPauses({ now: c.now() }))[0].pausedReason).toBe(reason);
  c.advance(1);
  expect(await lib.syncQuotaPauses({ now: c.now() })).toEqual([{ serverId: server.id, pausedReason: null }]);
  // 14:00 next day: every counted send has left; the scheduled test runs.
  c.advance(4 * 3600);
  expect(await lib.canSend({ serverId: server.id, messages: 3, now: c.now() })).toEqual({ ok: true });
  expect((await lib.runScheduledPlacements({ minute: c.now(), deps: smtp.deps, now: c.now }))[0].result).toBe('succeeded');
  expect(smtp.sends).toHaveLength(6);
  expect((await runs(server.id)).at(-1)?.summary).toMatchObject({ accepted: 3 });
});

test('recordQuotaReply from a real classified 550 5.4.5 marks the day window for 24 h; it frees after 24 h', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const quota = await db.quota.create({ data: { serverId: server.id, window: 'day', limit: 500 } });
  const reply = lib.parseSmtpReply('550 5.4.5 Daily user sending quota exceeded');
  const classification = lib.classifySmtpReply({ ...reply, stage: 'data' });
  expect(classification).toMatchObject({ outcome: 'rejected', category: 'quota_exhausted', quota: { scope: 'per_day' } });
  const marked = await lib.recordQuotaReply({ serverId: server.id, classification, ...reply, now: c.now() });
  expect(marked).toEqual({ quotaId: quota.id, window: 'day', exhaustedUntil: new Date('2026-11-30T14:00:00Z') });
  const row = await db.quota.findUniqueOrThrow({ where: { id: quota.id } });
  expect(row).toMatchObject({ limit: 500, exhaustedAt: new Date(START), exhaustedUntil: new Date('2026-11-30T14:00:00Z'), exhaustedReason: '550 5.4.5 Daily user sending quota exceeded' });
  const reason = 'quota: daily quota exhausted (550 5.4.5 Daily user sending quota exceeded), resets 2026-11-30 14:00 UTC';
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: server.id } })).pausedReason).toBe(reason);
  expect(await lib.canSend({ serverId: server.id, messages: 1, now: c.now() })).toEqual({ ok: false, reason, resetAt: new Date('2026-11-30T14:00:00Z') });
  const [state] = await lib.getQuotaStates({ now: c.now() });
  expect(state).toMatchObject({ used: 0, exhausted: true, exhaustedReason: '550 5.4.5 Daily user sending quota exceeded', resetAt: new Date('2026-11-30T14:00:00Z') });

  c.advance(24 * 3600 - 1);
  expect((await lib.canSend({ serverId: server.id, messages: 1, now: c.now() })).ok).toBe(false);
  c.advance(1);
  expect(await lib.canSend({ serverId: server.id, messages: 1, now: c.now() })).toEqual({ ok: true });
  expect(await lib.syncQuotaPauses({ now: c.now() })).toEqual([{ serverId: server.id, pausedReason: null }]);
  expect((await lib.getQuotaStates({ now: c.now() }))[0].exhausted).toBe(false);
});

test('a quota reply creates the missing window: with the limit the relay named, else with the limit unknown; a throttle marks nothing', async () => {
  const server = await seedRows(db);
  const now = new Date(START);
  const relay = lib.parseSmtpReply('552 Sorry, you are over your relay quota of 500 Current quota used: 487');
  await lib.recordQuotaReply({ serverId: server.id, classification: lib.classifySmtpReply(relay), ...relay, now });
  expect(await db.quota.findMany({ select: { window: true, limit: true, exhaustedUntil: true } })).toEqual([{ window: 'day', limit: 500, exhaustedUntil: new Date('2026-11-30T14:00:00Z') }]);

  const other = await db.smtpServer.create({ data: { name: 'Hourly relay', host: '127.0.0.1', port: 25, security: 'none', fromAddress: 'a@sender.test' } });
  await db.usageEvent.createMany({ data: [
    { serverId: other.id, at: new Date('2026-11-29T13:30:00Z'), count: 40, source: 'api' },
    { serverId: other.id, at: new Date('2026-11-29T12:59:59Z'), count: 9, source: 'api' },
  ] });
  const hourly = lib.parseSmtpReply('550 Hourly quota exceeded for this account');
  await lib.recordQuotaReply({ serverId: other.id, classification: lib.classifySmtpReply(hourly), ...hourly, now });
  expect(await db.quota.findFirst({ where: { serverId: other.id }, select: { window: true, limit: true, exhaustedUntil: true } })).toEqual({ window: 'hour', limit: null, exhaustedUntil: new Date('2026-11-29T15:00:00Z') });
  // A later reply that names the limit fills in the unknown one; a known limit is never replaced by a reply.
  const named = lib.parseSmtpReply('550 Hourly quota exceeded: quota of 45 reached');
  await lib.recordQuotaReply({ serverId: other.id, classification: lib.classifySmtpReply(named), ...named, now });
  expect((await db.quota.findFirstOrThrow({ where: { serverId: other.id } })).limit).toBe(45);
  const smaller = lib.parseSmtpReply('550 Hourly quota exceeded: quota of 30 reached');
  await lib.recordQuotaReply({ serverId: other.id, classification: lib.classifySmtpReply(smaller), ...smaller, now });
  expect((await db.quota.findFirstOrThrow({ where: { serverId: other.id } })).limit).toBe(45);

  const throttle = lib.parseSmtpReply('454 Throttling failure: Maximum sending rate exceeded.');
  expect(await lib.recordQuotaReply({ serverId: other.id, classification: lib.classifySmtpReply(throttle), ...throttle, now })).toBeNull();
  expect(await db.quota.count()).toBe(2);
});

test('Gmail 550 5.4.5 during a send with no quota row: a day window with the limit unknown blocks for 24 h, then frees by itself', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const smtp = fakeSmtp(() => GMAIL_QUOTA);
  const created = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  c.advance(1);
  const sent = await lib.sendPlacementTest({ testId: created.id, deps: smtp.deps, now: c.now });
  expect(smtp.sends).toHaveLength(1);
  expect(sent).toMatchObject({ attempted: 3, accepted: 0 });
  const results = await db.placementResult.findMany({ where: { testId: created.id } });
  expect(results.map((r) => r.smtpCategory)).toEqual(['quota_exhausted', 'quota_exhausted', 'quota_exhausted']);
  const until = new Date('2026-11-30T14:00:01Z');
  expect(await db.quota.findFirst({ select: { window: true, limit: true, exhaustedUntil: true } })).toEqual({ window: 'day', limit: null, exhaustedUntil: until });
  const reply = '550 5.4.5 Daily user sending quota exceeded';
  expect((await lib.getQuotaStates({ now: c.now() }))[0]).toMatchObject({
    window: 'day', limit: null, remaining: null, percent: null, crossed: [], exhausted: true, exhaustedReason: reply, resetAt: until, projectedExhaustionAt: null,
  });
  const reason = `quota: daily quota exhausted (${reply}), resets 2026-11-30 14:01 UTC`;
  await expect(lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now })).rejects.toMatchObject({
    status: 409, message: `the SMTP server "Newsletter relay" is paused: ${reason}`,
  });

  // One second before the mark ends the server is still held; at its end the next tick lifts the pause by itself.
  c.advance(24 * 3600 - 1);
  expect(await lib.canSend({ serverId: server.id, messages: 3, now: c.now() })).toEqual({ ok: false, reason, resetAt: until });
  expect(await lib.syncQuotaPauses({ now: c.now() })).toEqual([{ serverId: server.id, pausedReason: reason }]);
  c.advance(1);
  expect(await lib.canSend({ serverId: server.id, messages: 3, now: c.now() })).toEqual({ ok: true });
  expect(await lib.syncQuotaPauses({ now: c.now() })).toEqual([{ serverId: server.id, pausedReason: null }]);
  expect((await lib.getQuotaStates({ now: c.now() }))[0]).toMatchObject({ limit: null, percent: null, crossed: [], exhausted: false, resetAt: null });
  const next = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  expect(next.seeds).toBe(3);
});

test('a user pause is never replaced or lifted by quotas', async () => {
  const server = await seedRows(db, { pausedReason: 'maintenance until Monday' });
  await db.quota.create({ data: { serverId: server.id, window: 'day', limit: 0 } });
  expect(await lib.syncQuotaPauses({ now: new Date(START) })).toEqual([{ serverId: server.id, pausedReason: 'maintenance until Monday' }]);
  await db.quota.deleteMany();
  expect(await lib.syncQuotaPauses({ now: new Date(START) })).toEqual([]);
  expect((await db.smtpServer.findUniqueOrThrow({ where: { id: server.id } })).pausedReason).toBe('maintenance until Monday');
});
