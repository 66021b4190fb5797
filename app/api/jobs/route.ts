import { JOBS } from '../../../jobs/registry.ts';
import { listJobRuns } from '../../../lib/jobs/list-job-runs.ts';
import { listSchedules } from '../../../lib/jobs/list-schedules.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json({ schedules: listSchedules({ jobs: JOBS }), runs: await listJobRuns() }));
