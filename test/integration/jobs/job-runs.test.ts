import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let jobs: typeof import('../../../lib/jobs/claim-job-run.ts') &
  typeof import('../../../lib/jobs/recover-stale-runs.ts') &
  typeof import('../../../lib/jobs/run-scheduled-slot.ts') &
  typeof import('../../../lib/jobs/validate-cron.ts') &
  typeof import('../../../lib/jobs/next-run-at.ts') &
  typeof import('../../../lib/jobs/job-run-id.ts');

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  jobs = {
    ...(await import('../../../lib/jobs/claim-job-run.ts')),
    ...(await import('../../../lib/jobs/recover-stale-runs.ts')),
    ...(await import('../../../lib/jobs/run-scheduled-slot.ts')),
    ...(await import('../../../lib/jobs/validate-cron.ts')),
    ...(await import('../../../lib/jobs/next-run-at.ts')),
    ...(await import('../../../lib/jobs/job-run-id.ts')),
  };
});
afterAll(() => cleanup());
beforeEach(() => clearTables(db));

const slot = new Date('2026-11-29T15:30:00.000Z');

test('two claims of the same slot: one gets the run, the other gets null (unique key conflict)', async () => {
  const [a, b] = await Promise.all([
    jobs.claimJobRun({ jobId: 'dnsbl.sweep', slot }),
    jobs.claimJobRun({ jobId: 'dnsbl.sweep', slot }),
  ]);
  expect([a, b].filter((r) => r !== null)).toHaveLength(1);
  const run = (a ?? b)!;
  expect(run.id).toBe(jobs.scheduledRunId({ jobId: 'dnsbl.sweep', slot }));
  expect(run).toMatchObject({ status: 'running', trigger: 'schedule' });
  expect(await jobs.claimJobRun({ jobId: 'dnsbl.sweep', slot: new Date('2026-11-29T16:00:00.000Z') })).not.toBeNull();
  expect(await db.jobRun.count()).toBe(2);
});

test('two processes ticking the same slot run the job body once; the run records its summary', async () => {
  let calls = 0;
  const body = async (ctx: { progress(p: { done: number; total: number }): void }) => {
    calls++;
    ctx.progress({ done: 5, total: 5 });
    return { listed: 1 };
  };
  const outcomes = await Promise.all([
    jobs.runScheduledSlot({ jobId: 'test.job', slot, body }),
    jobs.runScheduledSlot({ jobId: 'test.job', slot: new Date(slot.getTime() + 120), body }),
  ]);
  expect(calls).toBe(1);
  expect(outcomes.sort()).toEqual(['claimed_elsewhere', 'succeeded'].sort());
  const run = await db.jobRun.findFirstOrThrow();
  expect(run).toMatchObject({ status: 'succeeded', progressDone: 5, progressTotal: 5 });
  expect(JSON.parse(run.summary!)).toEqual({ listed: 1 });
  expect(run.finishedAt).not.toBeNull();
});

test('a slot arriving while this process still runs the job is skipped (no overlap)', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const first = jobs.runScheduledSlot({ jobId: 'slow.job', slot, body: async () => gate.then(() => ({})) });
  await new Promise((r) => setTimeout(r, 50));
  expect(await jobs.runScheduledSlot({ jobId: 'slow.job', slot: new Date('2026-11-29T16:00:00Z'), body: async () => ({}) })).toBe('overlap');
  release();
  expect(await first).toBe('succeeded');
  expect(await db.jobRun.count()).toBe(1);
});

test('a failing job body marks the run failed with the error message', async () => {
  const outcome = await jobs.runScheduledSlot({
    jobId: 'bad.job',
    slot,
    body: async () => {
      throw new Error('resolver exploded');
    },
  });
  expect(outcome).toBe('failed');
  expect(await db.jobRun.findFirstOrThrow()).toMatchObject({ status: 'failed', error: 'resolver exploded' });
});

test('runs left running by a stopped process are marked failed at start; live ones are kept', async () => {
  const now = new Date('2026-11-29T16:00:00.000Z');
  await db.jobRun.create({ data: { id: 'dead', jobId: 'dnsbl.sweep', slot, status: 'running', startedAt: slot, heartbeatAt: new Date(now.getTime() - 3 * 60_000) } });
  await db.jobRun.create({ data: { id: 'alive', jobId: 'dnsbl.sweep', slot: now, status: 'running', startedAt: now, heartbeatAt: new Date(now.getTime() - 10_000) } });
  expect(await jobs.recoverStaleRuns({ now: () => now })).toBe(1);
  expect(await db.jobRun.findUniqueOrThrow({ where: { id: 'dead' } })).toMatchObject({
    status: 'failed',
    error: 'interrupted: the process stopped before the run finished',
  });
  expect((await db.jobRun.findUniqueOrThrow({ where: { id: 'alive' } })).status).toBe('running');
});

test('cron expressions are validated with a message naming the variable; next run times follow the expression', () => {
  expect(() => jobs.validateCron({ expression: '61 * * * *', name: 'DNSBL_SWEEP_CRON' })).toThrow(
    /DNSBL_SWEEP_CRON "61 \* \* \* \*" is not a valid cron expression: 61 is a invalid expression for minute/,
  );
  expect(() => jobs.validateCron({ expression: 'every half hour', name: 'DNSBL_SWEEP_CRON' })).toThrow(/not a valid cron expression/);
  expect(() => jobs.validateCron({ expression: '*/30 * * * *', name: 'DNSBL_SWEEP_CRON' })).not.toThrow();
  const next = jobs.nextRunAt({ cron: '*/30 * * * *' })!;
  expect([0, 30]).toContain(next.getMinutes());
  expect(next.getSeconds()).toBe(0);
  expect(jobs.nextRunAt({ cron: 'nonsense' })).toBeNull();
});

test('a finished run reads 100 %: the final total is what was done, not the estimate that counted skipped zones', async () => {
  const body = async (ctx: { progress(p: { done: number; total: number }): void }) => {
    ctx.progress({ done: 131_701, total: 1_184_371 });
    return {};
  };
  expect(await jobs.runScheduledSlot({ jobId: 'test.estimate', slot, body })).toBe('succeeded');
  const run = await db.jobRun.findFirstOrThrow({ where: { jobId: 'test.estimate' } });
  expect(run).toMatchObject({ status: 'succeeded', progressDone: 131_701, progressTotal: 131_701 });
});
