import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import type { AlertTransport } from '../alerts/alert-transport.ts';
import { startManualRun } from '../jobs/claim-job-run.ts';
import { executeJobRun } from '../jobs/execute-job-run.ts';
import { runningRunId, trackRun } from '../jobs/running-jobs.ts';
import { STALE_AFTER_MS } from '../jobs/recover-stale-runs.ts';
import { runDnsblSweep } from './run-dnsbl-sweep.ts';
import type { SweepOptions } from './run-dnsbl-sweep.ts';

/** JobRun jobId of the full DNSBL sweep (scheduled, or started by POST /api/sweeps). */
export const SWEEP_JOB_ID = 'dnsbl.sweep';

/**
 * Start a full sweep now in the background (`POST /api/sweeps`, answered 202): a manual `dnsbl.sweep` JobRun.
 * @returns the new run's id; its progress and outcome are read from GET /api/jobs.
 * @throws AppError('conflict') when a full sweep is already running here or in another live process
 *   (a heartbeat in the last 2 minutes), naming that run.
 */
export async function startSweepNow(
  params: { db?: PrismaClient; transport?: AlertTransport | null; sweep?: SweepOptions; now?: () => Date } = {},
): Promise<{ jobRunId: string; done: Promise<unknown> }> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const local = runningRunId(SWEEP_JOB_ID);
  const live =
    local ??
    (
      await db.jobRun.findFirst({
        where: { jobId: SWEEP_JOB_ID, status: 'running', heartbeatAt: { gte: new Date(now.getTime() - STALE_AFTER_MS) } },
        select: { id: true },
      })
    )?.id;
  if (live) throw new AppError('conflict', `a full sweep is already running (job run ${live})`);
  const run = await startManualRun({ jobId: SWEEP_JOB_ID, db, now: params.now });
  const done = executeJobRun({
    run,
    db,
    body: (ctx) => runDnsblSweep({ jobRunId: ctx.jobRunId, onProgress: ctx.progress, db, transport: params.transport, sweep: params.sweep }),
  });
  trackRun({ jobId: SWEEP_JOB_ID, runId: run.id, done });
  return { jobRunId: run.id, done };
}
