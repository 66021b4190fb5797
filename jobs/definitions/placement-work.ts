import { env } from '../../lib/env.ts';
import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { advancePlacementTests } from '../../lib/placement/advance-placement-tests.ts';
import { placementWorkCron } from '../../lib/placement/placement-work-cron.ts';

/** Every PLACEMENT_POLL_INTERVAL_SECONDS (at least 5 s): due deferred retries, IMAP collection polls, deadlines. */
export const placementWork: JobDefinition = {
  id: 'placement.work',
  cron: placementWorkCron({ pollIntervalSeconds: env().PLACEMENT_POLL_INTERVAL_SECONDS }),
  cronSource: 'PLACEMENT_POLL_INTERVAL_SECONDS',
  run: (ctx) => advancePlacementTests({ signal: ctx.signal }),
};
