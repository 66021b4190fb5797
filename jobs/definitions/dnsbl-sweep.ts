import { env } from '../../lib/env.ts';
import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { runDnsblSweep } from '../../lib/sweeps/run-dnsbl-sweep.ts';
import { SWEEP_JOB_ID } from '../../lib/sweeps/dnsbl-job-ids.ts';
import { logger } from '../../lib/logger.ts';
import { snapshotWhenDue } from '../../lib/reputation/snapshot-when-due.ts';

/**
 * Sweep every enabled asset against every enabled zone, then send the alerts, then rescore reputation (a failed
 * scoring is logged and never fails the sweep) (DNSBL_SWEEP_CRON, default every 30 min).
 */
export const dnsblSweep: JobDefinition = {
  id: SWEEP_JOB_ID,
  cron: env().DNSBL_SWEEP_CRON,
  cronSource: 'DNSBL_SWEEP_CRON',
  run: async (ctx) => {
    const summary = await runDnsblSweep({ jobRunId: ctx.jobRunId, onProgress: ctx.progress, signal: ctx.signal });
    await snapshotWhenDue({ force: true }).catch((err: unknown) => logger.error({ err, jobRunId: ctx.jobRunId }, 'reputation scoring after the sweep failed'));
    return summary;
  },
};
