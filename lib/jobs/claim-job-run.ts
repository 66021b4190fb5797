import type { JobRun, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { isUniqueViolation } from '../assets/is-unique-violation.ts';
import { withSqliteRetry } from '../db/with-sqlite-retry.ts';
import { manualRunId, scheduledRunId } from './job-run-id.ts';

/**
 * Claim a scheduled slot: insert a `running` JobRun whose id is derived from (jobId, slot).
 * @returns the run, or null when the id already exists (P2002): another process, or an earlier tick of this one,
 *   owns that slot, so the caller must skip it. A locked database (another process writing) is retried.
 */
export async function claimJobRun(params: { jobId: string; slot: Date; db?: PrismaClient; now?: () => Date }): Promise<JobRun | null> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  try {
    return await withSqliteRetry(() => db.jobRun.create({
      data: {
        id: scheduledRunId({ jobId: params.jobId, slot: params.slot }),
        jobId: params.jobId,
        slot: params.slot,
        trigger: 'schedule',
        status: 'running',
        startedAt: now,
        heartbeatAt: now,
      },
    }), { what: `claim ${params.jobId}` });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/** Start a manual run (check now, POST /api/sweeps): its own `running` JobRun with trigger `manual`, slot = now. */
export async function startManualRun(params: { jobId: string; db?: PrismaClient; now?: () => Date }): Promise<JobRun> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  return withSqliteRetry(
    () =>
      db.jobRun.create({
        data: { id: manualRunId(), jobId: params.jobId, slot: now, trigger: 'manual', status: 'running', startedAt: now, heartbeatAt: now },
      }),
    { what: `start ${params.jobId}` },
  );
}
