import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { runScheduledPlacements } from '../../lib/placement/run-scheduled-placements.ts';

/**
 * Every minute (at second 0): start the placement tests whose server's own scheduleCron is due in this minute,
 * one JobRun per (server, slot) so two processes never send the same scheduled test twice.
 */
export const placementSchedule: JobDefinition = {
  id: 'placement.schedule',
  cron: '* * * * *',
  cronSource: 'placement.schedule (every minute)',
  run: async (ctx) => ({ servers: await runScheduledPlacements({ minute: new Date(), signal: ctx.signal }) }),
  // A minute in which no server was due: its JobRun is removed by the next such minute.
  isIdle: (summary) => (summary as { servers?: unknown[] }).servers?.length === 0,
};
