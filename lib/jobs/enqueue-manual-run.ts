import type { JobRun, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { withSqliteRetry } from '../db/with-sqlite-retry.ts';
import { manualRunId } from './job-run-id.ts';

/**
 * Queue a manual run for the process that runs the scheduler (the web process itself with JOBS_ENABLED=true, or
 * `npm run worker`): a JobRun in status `queued`, trigger `manual`, whose `summary` holds the JSON `payload`
 * (e.g. `{ "assetId": "…" }`) until it starts; runQueuedJobs picks it up within about a second.
 * @returns the queued run.
 */
export async function enqueueManualRun(params: {
  jobId: string;
  payload?: Record<string, unknown>;
  db?: PrismaClient;
  now?: () => Date;
}): Promise<JobRun> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  return withSqliteRetry(
    () =>
      db.jobRun.create({
        data: {
          id: manualRunId(),
          jobId: params.jobId,
          slot: now,
          trigger: 'manual',
          status: 'queued',
          startedAt: now,
          heartbeatAt: now,
          summary: JSON.stringify(params.payload ?? {}),
        },
      }),
    { what: `queue ${params.jobId}` },
  );
}
