import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { snapshotWhenDue } from '../../lib/reputation/snapshot-when-due.ts';
import type { DueSnapshot } from '../../lib/reputation/snapshot-when-due.ts';

/**
 * Every minute: rescore every IP, domain and server (reputation snapshots) when a DNSBL sweep or check finished or a
 * placement test completed since the last scoring, and at least every 15 minutes.
 */
export const reputationSnapshot: JobDefinition = {
  id: 'reputation.snapshot',
  cron: '* * * * *',
  cronSource: 'reputation.snapshot (every minute)',
  run: () => snapshotWhenDue(),
  // A minute with nothing to rescore: its JobRun is removed by the next such minute.
  isIdle: (summary) => (summary as DueSnapshot).skipped === true,
};
