import type { PrismaClient } from '../generated/prisma/client.ts';
import type { JobBody, JobContext } from './execute-job-run.ts';

/** A scheduled job (style rule 6): dotted id, cron expression (node-cron syntax), and a body calling lib/. */
export interface JobDefinition {
  id: string;
  cron: string;
  /** The environment variable the cron comes from, named in validation errors. */
  cronSource: string;
  run: JobBody<unknown>;
}

/**
 * A job started by a user (check now, sweep now) and run from the queue (runQueuedJobs) by the process that runs
 * the scheduler. `payload` is what enqueueManualRun stored (e.g. `{ assetId }`); `db` is the client the run row
 * lives in.
 */
export interface ManualJobDefinition {
  id: string;
  run: (params: { payload: Record<string, unknown>; ctx: JobContext; db: PrismaClient }) => Promise<unknown>;
}
