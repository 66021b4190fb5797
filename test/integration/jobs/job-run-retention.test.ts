import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';

// A polling job (placement.work every 5 s) must not leave one JobRun per tick: idle ticks keep only the latest as
// the slot's claim. Finished runs older than JOB_RUN_RETENTION_DAYS are deleted by jobs.prune.

let db: PrismaClient;
let cleanup: () => Promise<void>;
let jobs: typeof import('../../../lib/jobs/run-scheduled-slot.ts') &
  typeof import('../../../lib/jobs/prune-job-runs.ts') &
  typeof import('../../../jobs/definitions/placement-work.ts') &
  typeof import('../../../jobs/definitions/placement-schedule.ts');

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  jobs = {
    ...(await import('../../../lib/jobs/run-scheduled-slot.ts')),
    ...(await import('../../../lib/jobs/prune-job-runs.ts')),
    ...(await import('../../../jobs/definitions/placement-work.ts')),
    ...(await import('../../../jobs/definitions/placement-schedule.ts')),
  };
});
afterAll(() => cleanup());
beforeEach(() => clearTables(db));

const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 15, 0, s));
const idle = { sent: 0, collected: 0, found: 0, missing: 0, errors: 0 };
const busy = { sent: 0, collected: 1, found: 3, missing: 0, errors: 0 };

async function tick(second: number, summary: object) {
  return jobs.runScheduledSlot({ jobId: 'placement.work', slot: at(second), db, body: async () => summary, isIdle: jobs.placementWork.isIdle });
}

test('idle ticks of placement.work keep one JobRun (the latest claim); ticks that did work are kept', async () => {
  for (let s = 0; s < 30; s += 5) expect(await tick(s, idle)).toBe('succeeded');
  let runs = await db.jobRun.findMany({ orderBy: { slot: 'asc' } });
  expect(runs.map((r) => r.slot.toISOString())).toEqual([at(25).toISOString()]);
  expect(JSON.parse(runs[0].summary!)).toEqual(idle);

  expect(await tick(30, busy)).toBe('succeeded');
  expect(await tick(35, idle)).toBe('succeeded');
  expect(await tick(40, idle)).toBe('succeeded');
  runs = await db.jobRun.findMany({ orderBy: { slot: 'asc' } });
  expect(runs.map((r) => [r.slot.getUTCSeconds(), JSON.parse(r.summary!).collected])).toEqual([[30, 1], [40, 0]]);

  // The latest idle run still holds its slot: the same slot ticked again by another process is not run twice.
  let ran = false;
  const again = await jobs.runScheduledSlot({ jobId: 'placement.work', slot: at(40), db, body: async () => ((ran = true), idle), isIdle: jobs.placementWork.isIdle });
  expect(again).toBe('claimed_elsewhere');
  expect(ran).toBe(false);
});

test('a failed tick is kept; placement.schedule minutes without a due server count as idle', async () => {
  await jobs.runScheduledSlot({ jobId: 'placement.work', slot: at(0), db, body: async () => { throw new Error('database locked'); }, isIdle: jobs.placementWork.isIdle });
  await tick(5, idle);
  await tick(10, idle);
  expect((await db.jobRun.findMany({ orderBy: { slot: 'asc' } })).map((r) => [r.slot.getUTCSeconds(), r.status])).toEqual([[0, 'failed'], [10, 'succeeded']]);
  expect(jobs.placementSchedule.isIdle?.({ servers: [] })).toBe(true);
  expect(jobs.placementSchedule.isIdle?.({ servers: [{ serverId: 's1', slot: at(0).toISOString(), result: 'succeeded' }] })).toBe(false);
});

test('jobs.prune deletes finished runs older than the retention, never running or queued ones', async () => {
  const now = new Date('2026-11-29T12:00:00.000Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const row = (id: string, status: string, finishedDaysAgo: number | null) =>
    db.jobRun.create({ data: { id, jobId: 'dnsbl.sweep', slot: daysAgo(finishedDaysAgo ?? 40), status, startedAt: daysAgo(40), finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo) } });
  await row('old-ok', 'succeeded', 31);
  await row('old-failed', 'failed', 45);
  await row('recent', 'succeeded', 29);
  await row('still-running', 'running', null);
  await row('queued', 'queued', null);
  const result = await jobs.pruneJobRuns({ olderThanDays: 30, db, now: () => now });
  expect(result).toEqual({ deleted: 2, before: '2026-10-30T12:00:00.000Z' });
  expect((await db.jobRun.findMany({ orderBy: { id: 'asc' } })).map((r) => r.id)).toEqual(['queued', 'recent', 'still-running']);
});
