import { env } from '../../lib/env.ts';
import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { pruneJobRuns } from '../../lib/jobs/prune-job-runs.ts';

/** Daily at 03:17 (server local time): delete finished job runs older than JOB_RUN_RETENTION_DAYS (default 30). */
export const jobsPrune: JobDefinition = {
  id: 'jobs.prune',
  cron: '17 3 * * *',
  cronSource: 'jobs.prune (daily at 03:17)',
  run: () => pruneJobRuns({ olderThanDays: env().JOB_RUN_RETENTION_DAYS }),
};
