import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT } from '../helpers/fake-engine.ts';

// The web process (JOBS_ENABLED=false) and the worker share one SQLite file through two Prisma clients.
let web: PrismaClient;
let worker: PrismaClient;
let cleanup: () => Promise<void>;
let lib: typeof import('../../../lib/sweeps/check-asset-now.ts') &
  typeof import('../../../lib/sweeps/start-sweep-now.ts') &
  typeof import('../../../lib/sweeps/manual-sweep-jobs.ts') &
  typeof import('../../../lib/jobs/run-queued-jobs.ts') &
  typeof import('../../../lib/jobs/recover-stale-runs.ts') &
  typeof import('../../../lib/assets/create-asset.ts') &
  typeof import('../../../lib/zones/sync-catalog.ts');

beforeAll(async () => {
  let url: string;
  ({ prisma: web, url, cleanup } = await setupTestDb());
  const { createAdapter } = await import('../../../lib/db.ts');
  worker = new PrismaClient({ adapter: createAdapter(url) });
  lib = {
    ...(await import('../../../lib/sweeps/check-asset-now.ts')),
    ...(await import('../../../lib/sweeps/start-sweep-now.ts')),
    ...(await import('../../../lib/sweeps/manual-sweep-jobs.ts')),
    ...(await import('../../../lib/jobs/run-queued-jobs.ts')),
    ...(await import('../../../lib/jobs/recover-stale-runs.ts')),
    ...(await import('../../../lib/assets/create-asset.ts')),
    ...(await import('../../../lib/zones/sync-catalog.ts')),
  };
});
afterAll(async () => {
  await worker.$disconnect();
  await cleanup();
});
beforeEach(async () => {
  await clearTables(web);
  await lib.syncCatalog({ catalog: TEST_CATALOG, db: web });
});

/** A sweep engine that must never run: the web side of a split deployment. */
function forbiddenEngine() {
  const calls = { n: 0 };
  const engine = fakeEngine({
    answer: () => {
      calls.n++;
      return CLEAN;
    },
  });
  return { calls, sweep: { runSweep: engine.runSweep, client: NO_CLIENT } };
}

/** The worker's queue poll, every 20 ms, until stopped. */
function startWorkerPoll(answer: Parameters<typeof fakeEngine>[0]['answer']) {
  const engine = fakeEngine({ answer });
  const jobs = lib.manualSweepJobs({ transport: null, sweep: { runSweep: engine.runSweep, client: NO_CLIENT, confirmDelayMs: 0 } });
  const started: string[] = [];
  const done: Promise<unknown>[] = [];
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void lib
      .runQueuedJobs({ jobs, db: worker })
      .then((runs) => {
        for (const r of runs) {
          started.push(r.id);
          done.push(r.done);
        }
      })
      .finally(() => (busy = false));
  }, 20);
  return {
    started,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(done);
    },
  };
}

test('with jobs off, "check now" is queued, run by the worker, and answered with its listings; the web never sweeps', async () => {
  const { id } = await lib.createAsset({ value: '192.0.2.1', db: web });
  const webSide = forbiddenEngine();
  const poll = startWorkerPoll((t, z) => (z === 'bl.test' ? LISTED() : CLEAN));
  try {
    const result = await lib.checkAssetNow({ assetId: id, db: web, runHere: false, sweep: webSide.sweep, transport: null });
    expect(webSide.calls.n).toBe(0);
    expect(poll.started).toEqual([result.jobRunId]);
    expect(result.listings.find((l) => l.zone === 'bl.test')).toMatchObject({ verdict: 'listed', state: 'listed', codes: ['127.0.0.2'] });
    const run = await web.jobRun.findUniqueOrThrow({ where: { id: result.jobRunId } });
    expect(run).toMatchObject({ jobId: 'dnsbl.check', trigger: 'manual', status: 'succeeded' });
    expect(JSON.parse(run.summary!)).toMatchObject({ assetId: id, assets: 1 });
  } finally {
    await poll.stop();
  }
});

test('with jobs off, "sweep now" answers a queued run that the worker then runs to the end', async () => {
  await lib.createAsset({ value: '192.0.2.1', db: web });
  const webSide = forbiddenEngine();
  const queued = await lib.startSweepNow({ db: web, runHere: false, sweep: webSide.sweep });
  expect(queued).toMatchObject({ status: 'queued', done: null });
  expect(await web.jobRun.findUniqueOrThrow({ where: { id: queued.jobRunId } })).toMatchObject({ status: 'queued', trigger: 'manual', jobId: 'dnsbl.sweep' });
  await expect(lib.startSweepNow({ db: web, runHere: false })).rejects.toMatchObject({ code: 'conflict' });
  const poll = startWorkerPoll(() => CLEAN);
  try {
    for (let i = 0; i < 200 && poll.started.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    await poll.stop();
  }
  expect(poll.started).toEqual([queued.jobRunId]);
  expect(webSide.calls.n).toBe(0);
  const run = await web.jobRun.findUniqueOrThrow({ where: { id: queued.jobRunId } });
  expect(run.status).toBe('succeeded');
  expect(run.progressTotal).toBe(run.progressDone);
});

test('two workers polling the same queue start each queued run once', async () => {
  const { id } = await lib.createAsset({ value: '192.0.2.1', db: web });
  const { enqueueManualRun } = await import('../../../lib/jobs/enqueue-manual-run.ts');
  const run = await enqueueManualRun({ jobId: 'dnsbl.check', payload: { assetId: id }, db: web });
  const jobs = lib.manualSweepJobs({ transport: null, sweep: { runSweep: fakeEngine({ answer: () => CLEAN }).runSweep, client: NO_CLIENT } });
  const [a, b] = await Promise.all([lib.runQueuedJobs({ jobs, db: worker }), lib.runQueuedJobs({ jobs, db: web })]);
  expect([...a, ...b].map((r) => r.id)).toEqual([run.id]);
  await Promise.all([...a, ...b].map((r) => r.done));
});

test('a queued check nobody picks up answers 503 naming the worker, and the run is closed as not started', async () => {
  const { id } = await lib.createAsset({ value: '192.0.2.1', db: web });
  const err = await lib.checkAssetNow({ assetId: id, db: web, runHere: false, pickupMs: 50 }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'unavailable' });
  expect((err as Error).message).toContain('npm run worker');
  const run = await web.jobRun.findFirstOrThrow({ where: { jobId: 'dnsbl.check' } });
  expect(run.status).toBe('failed');
  expect(run.error).toContain('no scheduler picked the check up');
});

test('recovery closes a run whose heartbeat stopped 2 minutes ago and a queued run left 10 minutes', async () => {
  const now = new Date('2026-11-29T16:00:00.000Z');
  await web.jobRun.createMany({
    data: [
      { id: 'dead', jobId: 'dnsbl.sweep', slot: now, status: 'running', startedAt: new Date(now.getTime() - 600_000), heartbeatAt: new Date(now.getTime() - 121_000) },
      { id: 'alive', jobId: 'dnsbl.sweep', slot: now, status: 'running', startedAt: new Date(now.getTime() - 600_000), heartbeatAt: new Date(now.getTime() - 5_000) },
      { id: 'forgotten', jobId: 'dnsbl.check', slot: now, trigger: 'manual', status: 'queued', startedAt: new Date(now.getTime() - 601_000), heartbeatAt: new Date(now.getTime() - 601_000) },
    ],
  });
  expect(await lib.recoverStaleRuns({ db: worker, now: () => now })).toBe(2);
  const rows = Object.fromEntries((await web.jobRun.findMany()).map((r) => [r.id, r]));
  expect(rows.dead).toMatchObject({ status: 'failed', error: lib.INTERRUPTED_MESSAGE });
  expect(rows.alive.status).toBe('running');
  expect(rows.forgotten).toMatchObject({ status: 'failed', error: lib.NOT_PICKED_UP_MESSAGE });
});
