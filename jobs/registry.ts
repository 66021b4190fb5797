import type { JobDefinition, ManualJobDefinition } from '../lib/jobs/job-definition.ts';
import { manualSweepJobs } from '../lib/sweeps/manual-sweep-jobs.ts';
import { alertsEvaluate } from './definitions/alerts-evaluate.ts';
import { dnsblSweep } from './definitions/dnsbl-sweep.ts';
import { jobsPrune } from './definitions/jobs-prune.ts';
import { placementSchedule } from './definitions/placement-schedule.ts';
import { placementWork } from './definitions/placement-work.ts';
import { reputationSnapshot } from './definitions/reputation-snapshot.ts';

/** Every scheduled job (design §2). */
export const JOBS: JobDefinition[] = [dnsblSweep, placementSchedule, placementWork, jobsPrune, reputationSnapshot, alertsEvaluate];

/** Jobs users start (check now: `dnsbl.check`; sweep now: `dnsbl.sweep`), run from the queue by the scheduler. */
export const MANUAL_JOBS: ManualJobDefinition[] = manualSweepJobs();
