import { JOBS } from '../../../jobs/registry.ts';
import { listJobRuns } from '../../../lib/jobs/list-job-runs.ts';
import { listSchedules } from '../../../lib/jobs/list-schedules.ts';
import { schedulerProblem } from '../../../lib/jobs/scheduler-problem.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

/** Schedules, recent runs (queued ones included) and, when scheduled jobs cannot run, `problem` in words. */
export const GET = route(async () => {
  const problem = schedulerProblem({ crons: JOBS.map((j) => ({ expression: j.cron, name: j.cronSource })) });
  return json({ schedules: listSchedules({ jobs: JOBS }), runs: await listJobRuns(), ...(problem ? { problem } : {}) });
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
