import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';

let db: PrismaClient;
let url: string;
let cleanup: () => Promise<void>;
const ROOT = path.resolve(import.meta.dirname, '../../..');

beforeAll(async () => {
  // The registry reads the sweep cron when first imported: every job of this file sees the bad one.
  process.env.DNSBL_SWEEP_CRON = '61 * * * *';
  ({ prisma: db, url, cleanup } = await setupTestDb());
});
afterAll(() => cleanup());

test('a run whose process died is marked failed on a later tick of a scheduler that kept running', async () => {
  const { startScheduler } = await import('../../../jobs/scheduler.ts');
  const scheduler = await startScheduler({
    jobs: [{ id: 'test.tick', cron: '* * * * * *', cronSource: 'test', run: async () => ({}) }],
    manualJobs: [],
    db,
  });
  try {
    const old = new Date(Date.now() - 3 * 60_000);
    await db.jobRun.create({ data: { id: 'orphan', jobId: 'dnsbl.sweep', slot: old, status: 'running', startedAt: old, heartbeatAt: old } });
    let row = await db.jobRun.findUniqueOrThrow({ where: { id: 'orphan' } });
    for (let i = 0; i < 60 && row.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      row = await db.jobRun.findUniqueOrThrow({ where: { id: 'orphan' } });
    }
    expect(row.status).toBe('failed');
    expect(row.error).toBe('interrupted: the process stopped before the run finished');
  } finally {
    await scheduler.stop();
  }
});

test('the worker refuses a bad DNSBL_SWEEP_CRON with one clear JSON log line and exit status 1', async () => {
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['jobs/worker.ts'],
      { cwd: ROOT, timeout: 30_000, env: { ...process.env, DATABASE_URL: url, DNSBL_SWEEP_CRON: '61 * * * *', LOG_LEVEL: 'info' } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('');
  const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string; code?: string; err?: unknown });
  const fatal = lines.filter((l) => l.level === 60);
  expect(fatal).toHaveLength(1);
  expect(fatal[0].msg).toMatch(/^DNSBL_SWEEP_CRON "61 \* \* \* \*" is not a valid cron expression/);
  expect(fatal[0].code).toBe('invalid_input');
  expect(fatal[0].err).toBeUndefined();
});

test('in the web process a bad cron is logged, jobs stay off, and the overview and jobs page say why', async () => {
  const { startJobs } = await import('../../../jobs/start-jobs.ts');
  const { getOverview } = await import('../../../lib/overview/get-overview.ts');
  // The web process's own scheduler cannot start on it: null, no throw.
  const scheduler = await startJobs({ process: 'web', jobsEnabled: true });
  expect(scheduler).toBeNull();
  const overview = await getOverview();
  expect(overview.schedulerProblem).toMatch(/^scheduled jobs are off in this process: DNSBL_SWEEP_CRON "61 \* \* \* \*" is not a valid cron expression/);
  expect(overview.nextSweepAt).toBeUndefined();
  const jobsRoute = await import('../../../app/api/jobs/route.ts');
  const jobs = await (await jobsRoute.GET(new Request('http://localhost/api/jobs'), undefined as never)).json();
  expect(jobs.problem).toBe(overview.schedulerProblem);
});
