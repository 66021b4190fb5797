import type { AlertTransport } from '../alerts/alert-transport.ts';
import type { ManualJobDefinition } from '../jobs/job-definition.ts';
import { runDnsblSweep } from './run-dnsbl-sweep.ts';
import type { SweepOptions } from './run-dnsbl-sweep.ts';
import { CHECK_JOB_ID, SWEEP_JOB_ID } from './dnsbl-job-ids.ts';

/**
 * The manual DNSBL jobs a scheduler runs from the queue (runQueuedJobs): `dnsbl.check` (payload `{ assetId }`,
 * "check now") and `dnsbl.sweep` (empty payload, "sweep now"). Both go through runDnsblSweep, the scheduled
 * sweep's code path. `transport` and `sweep` are injectable for tests.
 */
export function manualSweepJobs(params: { transport?: AlertTransport | null; sweep?: SweepOptions } = {}): ManualJobDefinition[] {
  return [
    {
      id: CHECK_JOB_ID,
      run: ({ payload, ctx, db }) => {
        if (typeof payload.assetId !== 'string') throw new Error('the queued check names no asset (payload.assetId)');
        return runDnsblSweep({
          jobRunId: ctx.jobRunId,
          assetId: payload.assetId,
          onProgress: ctx.progress,
          signal: ctx.signal,
          db,
          transport: params.transport,
          sweep: params.sweep,
        });
      },
    },
    {
      id: SWEEP_JOB_ID,
      run: ({ ctx, db }) =>
        runDnsblSweep({ jobRunId: ctx.jobRunId, onProgress: ctx.progress, signal: ctx.signal, db, transport: params.transport, sweep: params.sweep }),
    },
  ];
}
