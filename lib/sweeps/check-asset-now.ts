import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { AppError } from '../errors.ts';
import type { AlertTransport } from '../alerts/alert-transport.ts';
import { findAssetOrThrow } from '../assets/get-asset.ts';
import { startManualRun } from '../jobs/claim-job-run.ts';
import { enqueueManualRun } from '../jobs/enqueue-manual-run.ts';
import { executeJobRun } from '../jobs/execute-job-run.ts';
import { trackRun } from '../jobs/running-jobs.ts';
import { waitForRun } from '../jobs/wait-for-run.ts';
import { listListings } from '../listings/list-listings.ts';
import type { ListingView } from '../listings/listing-view.ts';
import { runDnsblSweep } from './run-dnsbl-sweep.ts';
import type { SweepOptions } from './run-dnsbl-sweep.ts';
import { CHECK_JOB_ID } from './dnsbl-job-ids.ts';

/**
 * "Check now" (`POST /api/assets/:id/check`): sweep one asset through the same code path as the scheduled job,
 * recorded as its own manual JobRun, and answer when done with the asset's listings (first page, 1000 rows).
 * - `runHere` (default JOBS_ENABLED): this process runs the scheduler, so it runs the check itself.
 * - Otherwise (web process with JOBS_ENABLED=false) the check is queued (`queued` JobRun, payload `{ assetId }`)
 *   for the scheduler process (`npm run worker`, see runQueuedJobs), and this call waits for that run to finish
 *   (waitForRun: `pickupMs`, `timeoutMs`), never running the sweep in the web process.
 * @throws AppError('not_found') for an unknown asset; AppError('unavailable') when the sweep failed (the run keeps
 *   the error), when no scheduler picked the queued check up within `pickupMs` (the run is marked failed), or when
 *   it was still running after `timeoutMs`.
 */
export async function checkAssetNow(params: {
  assetId: string;
  db?: PrismaClient;
  transport?: AlertTransport | null;
  sweep?: SweepOptions;
  runHere?: boolean;
  pickupMs?: number;
  timeoutMs?: number;
}): Promise<{ jobRunId: string; listings: ListingView[] }> {
  const db = params.db ?? prisma;
  await findAssetOrThrow({ id: params.assetId, db });
  const runHere = params.runHere ?? env().JOBS_ENABLED;
  let jobRunId: string;
  let error: string | undefined;
  if (runHere) {
    const run = await startManualRun({ jobId: CHECK_JOB_ID, db });
    jobRunId = run.id;
    const done = executeJobRun({
      run,
      db,
      body: (ctx) =>
        runDnsblSweep({ jobRunId: ctx.jobRunId, assetId: params.assetId, onProgress: ctx.progress, db, transport: params.transport, sweep: params.sweep }),
    });
    trackRun({ jobId: CHECK_JOB_ID, runId: run.id, done });
    const result = await done;
    if (result.status === 'failed') error = result.error;
  } else {
    const run = await enqueueManualRun({ jobId: CHECK_JOB_ID, payload: { assetId: params.assetId }, db });
    jobRunId = run.id;
    let waited = await waitForRun({ id: run.id, db, pickupMs: params.pickupMs, timeoutMs: params.timeoutMs });
    if (waited.ended === 'not_picked_up') {
      const given = await db.jobRun.updateMany({
        where: { id: run.id, status: 'queued' },
        data: { status: 'failed', finishedAt: new Date(), error: 'not started: no scheduler picked the check up' },
      });
      if (given.count === 1) {
        throw new AppError(
          'unavailable',
          'the check was queued but no scheduler picked it up: with JOBS_ENABLED=false, start the worker (`npm run worker`)',
        );
      }
      // Picked up at the last moment: wait for it to end.
      waited = await waitForRun({ id: run.id, db, pickupMs: Number.POSITIVE_INFINITY, timeoutMs: params.timeoutMs });
    }
    const { run: last, ended } = waited;
    if (ended === 'timeout') {
      throw new AppError('unavailable', `the check is still running (job run ${run.id}); its verdicts will show on the asset page when it ends`);
    }
    if (last.status === 'failed') error = last.error ?? 'unknown error';
  }
  if (error !== undefined) throw new AppError('unavailable', `the check failed: ${error}`);
  return { jobRunId, listings: await listListings({ assetId: params.assetId, db }) };
}
