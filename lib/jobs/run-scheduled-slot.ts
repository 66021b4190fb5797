import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { claimJobRun } from './claim-job-run.ts';
import { deleteIdleRuns } from './delete-idle-runs.ts';
import { executeJobRun } from './execute-job-run.ts';
import type { JobBody } from './execute-job-run.ts';
import { runningRunId, trackRun } from './running-jobs.ts';

/**
 * What a cron tick does for one job and slot (design §2, style rule 8): skip when this process still runs the
 * job (no overlap), claim the slot's JobRun (a P2002 conflict means another process owns it: skip), run it.
 * When `isIdle` says the run did nothing, the job's earlier idle runs are deleted (deleteIdleRuns); this one stays
 * as the slot's claim until the next idle tick.
 * @returns 'overlap' | 'claimed_elsewhere' | the run's final status.
 */
export async function runScheduledSlot(params: {
  jobId: string;
  slot: Date;
  body: JobBody<unknown>;
  isIdle?: (summary: unknown) => boolean;
  signal?: AbortSignal;
  db?: PrismaClient;
  now?: () => Date;
}): Promise<'overlap' | 'claimed_elsewhere' | 'succeeded' | 'failed'> {
  const db = params.db ?? prisma;
  const slot = new Date(Math.floor(params.slot.getTime() / 1000) * 1000);
  const busy = runningRunId(params.jobId);
  if (busy) {
    logger.info({ jobId: params.jobId, slot, running: busy }, 'skipping slot: the previous run is still going');
    return 'overlap';
  }
  const run = await claimJobRun({ jobId: params.jobId, slot, db, now: params.now });
  if (!run) {
    logger.info({ jobId: params.jobId, slot }, 'skipping slot: another process claimed it');
    return 'claimed_elsewhere';
  }
  const done = executeJobRun({ run, body: params.body, signal: params.signal, db, now: params.now });
  trackRun({ jobId: params.jobId, runId: run.id, done });
  const result = await done;
  if (result.status === 'succeeded' && params.isIdle?.(result.summary)) {
    await deleteIdleRuns({ jobId: params.jobId, before: slot, isIdle: params.isIdle, db });
  }
  return result.status;
}
