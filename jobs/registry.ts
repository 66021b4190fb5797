import type { JobDefinition } from '../lib/jobs/job-definition.ts';
import { dnsblSweep } from './definitions/dnsbl-sweep.ts';
import { placementSchedule } from './definitions/placement-schedule.ts';
import { placementWork } from './definitions/placement-work.ts';

/** Every scheduled job (design §2). Manual-only runs (check now: `dnsbl.check`) are not listed here. */
export const JOBS: JobDefinition[] = [dnsblSweep, placementSchedule, placementWork];
