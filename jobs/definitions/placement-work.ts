import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { advancePlacementTests } from '../../lib/placement/advance-placement-tests.ts';
import type { AdvanceSummary } from '../../lib/placement/advance-placement-tests.ts';

/**
 * Every 5 s: due deferred retries, IMAP collection polls and deadlines. Each collecting test is polled once per
 * poll interval (the `placement.pollIntervalSeconds` setting over PLACEMENT_POLL_INTERVAL_SECONDS, read every
 * tick), so a changed interval applies without a restart; ticks with nothing due are idle.
 */
export const placementWork: JobDefinition = {
  id: 'placement.work',
  cron: '*/5 * * * * *',
  cronSource: 'placement.work (every 5 s)',
  run: (ctx) => advancePlacementTests({ signal: ctx.signal }),
  // A tick that neither sent nor polled: its JobRun is removed by the next such tick.
  isIdle: (summary) => {
    const s = summary as Partial<AdvanceSummary>;
    return s.sent === 0 && s.collected === 0;
  },
};
