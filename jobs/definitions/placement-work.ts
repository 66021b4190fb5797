import { env } from '../../lib/env.ts';
import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { advancePlacementTests } from '../../lib/placement/advance-placement-tests.ts';
import type { AdvanceSummary } from '../../lib/placement/advance-placement-tests.ts';
import { placementWorkCron } from '../../lib/placement/placement-work-cron.ts';

/** Every PLACEMENT_POLL_INTERVAL_SECONDS (at least 5 s): due deferred retries, IMAP collection polls, deadlines. */
export const placementWork: JobDefinition = {
  id: 'placement.work',
  cron: placementWorkCron({ pollIntervalSeconds: env().PLACEMENT_POLL_INTERVAL_SECONDS }),
  cronSource: 'PLACEMENT_POLL_INTERVAL_SECONDS',
  run: (ctx) => advancePlacementTests({ signal: ctx.signal }),
  // A tick that neither sent nor polled: its JobRun is removed by the next such tick.
  isIdle: (summary) => {
    const s = summary as Partial<AdvanceSummary>;
    return s.sent === 0 && s.collected === 0;
  },
};
