import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { AppError } from '../errors.ts';
import type { AlertTransport } from '../alerts/alert-transport.ts';
import { startManualRun } from '../jobs/claim-job-run.ts';
import { enqueueManualRun } from '../jobs/enqueue-manual-run.ts';
import { executeJobRun } from '../jobs/execute-job-run.ts';
import { runningRunId, trackRun } from '../jobs/running-jobs.ts';
import { STALE_AFTER_MS } from '../jobs/recover-stale-runs.ts';
import { runDnsblSweep } from './run-dnsbl-sweep.ts';
import type { SweepOptions } from './run-dnsbl-sweep.ts';
import { SWEEP_JOB_ID } from './dnsbl-job-ids.ts';

/**
 * Start a full sweep now (`POST /api/sweeps`, answered 202): a manual `dnsbl.sweep` JobRun.
 * - `runHere` (default JOBS_ENABLED): this process runs the scheduler and starts the sweep in the background
 *   (status `running`).
 * - Otherwise the run is queued (status `queued`) for the scheduler process (`npm run worker`), which picks it up
 *   within about a second (runQueuedJobs); the web process never runs it.
 * @returns the run's id and status; `done` settles when a run started here has recorded its end (null when queued).
 * @throws AppError('conflict') when a full sweep is already running or queued, here or in another live process
 *   (a heartbeat in the last 2 minutes), naming that run.
 */
export async function startSweepNow(
  params: { db?: PrismaClient; transport?: AlertTransport | null; sweep?: SweepOptions; now?: () => Date; runHere?: boolean } = {},
): Promise<{ jobRunId: string; status: 'running' | 'queued'; done: Promise<unknown> | null }> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const local = runningRunId(SWEEP_JOB_ID);
  const live =
    local ??
    (
      await db.jobRun.findFirst({
        where: { jobId: SWEEP_JOB_ID, status: { in: ['running', 'queued'] }, heartbeatAt: { gte: new Date(now.getTime() - STALE_AFTER_MS) } },
        select: { id: true, status: true },
      })
    )?.id;
  if (live) throw new AppError('conflict', `a full sweep is already running or queued (job run ${live})`);
  if (!(params.runHere ?? env().JOBS_ENABLED)) {
    const run = await enqueueManualRun({ jobId: SWEEP_JOB_ID, db, now: params.now });
    return { jobRunId: run.id, status: 'queued', done: null };
  }
  const run = await startManualRun({ jobId: SWEEP_JOB_ID, db, now: params.now });
  const done = executeJobRun({
    run,
    db,
    body: (ctx) => runDnsblSweep({ jobRunId: ctx.jobRunId, onProgress: ctx.progress, db, transport: params.transport, sweep: params.sweep }),
  });
  trackRun({ jobId: SWEEP_JOB_ID, runId: run.id, done });
  return { jobRunId: run.id, status: 'running', done };
}
