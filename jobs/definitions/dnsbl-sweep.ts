import { env } from '../../lib/env.ts';
import type { JobDefinition } from '../../lib/jobs/job-definition.ts';
import { runDnsblSweep } from '../../lib/sweeps/run-dnsbl-sweep.ts';
import { SWEEP_JOB_ID } from '../../lib/sweeps/start-sweep-now.ts';

/** Sweep every enabled asset against every enabled zone, then send the alerts (DNSBL_SWEEP_CRON, default every 30 min). */
export const dnsblSweep: JobDefinition = {
  id: SWEEP_JOB_ID,
  cron: env().DNSBL_SWEEP_CRON,
  cronSource: 'DNSBL_SWEEP_CRON',
  run: (ctx) => runDnsblSweep({ jobRunId: ctx.jobRunId, onProgress: ctx.progress, signal: ctx.signal }),
};
