import type { PrismaClient } from '../generated/prisma/client.ts';
import type { JobBody, JobContext } from './execute-job-run.ts';

/** A scheduled job (style rule 6): dotted id, cron expression (node-cron syntax), and a body calling lib/. */
export interface JobDefinition {
  id: string;
  cron: string;
  /** The environment variable the cron comes from, named in validation errors. */
  cronSource: string;
  run: JobBody<unknown>;
  /**
   * True when a run's summary says the tick found nothing to do. Such a run keeps its JobRun while it is the job's
   * latest (the slot stays claimed: no double run); the next idle tick deletes it (runScheduledSlot), so frequent
   * polling jobs do not fill the JobRun table and the Jobs page with empty runs.
   */
  isIdle?: (summary: unknown) => boolean;
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
