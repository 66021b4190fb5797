import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { runAlerts } from '../../lib/alerts/run-alerts.ts';
import type { AlertRunSummary } from '../../lib/alerts/run-alerts.ts';

/**
 * Every minute: evaluate every alert rule (placement, quotas, reputation, job runs; listings and resolver again
 * after the sweeps' own run) and deliver due notifications, retries and finished hourly digests.
 */
export const alertsEvaluate: JobDefinition = {
  id: 'alerts.evaluate',
  cron: '* * * * *',
  cronSource: 'alerts.evaluate (every minute)',
  run: () => runAlerts(),
  // A minute that changed no incident and delivered nothing: its JobRun is removed by the next such minute.
  isIdle: (summary) => Object.values(summary as AlertRunSummary).every((n) => n === 0),
};
