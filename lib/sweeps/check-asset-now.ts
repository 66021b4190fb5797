import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import type { AlertTransport } from '../alerts/alert-transport.ts';
import { findAssetOrThrow } from '../assets/get-asset.ts';
import { startManualRun } from '../jobs/claim-job-run.ts';
import { executeJobRun } from '../jobs/execute-job-run.ts';
import { listListings } from '../listings/list-listings.ts';
import type { ListingView } from '../listings/listing-view.ts';
import { runDnsblSweep } from './run-dnsbl-sweep.ts';
import type { SweepOptions } from './run-dnsbl-sweep.ts';

/** JobRun jobId of "check now" for one asset (manual only; the scheduled full sweep is `dnsbl.sweep`). */
export const CHECK_JOB_ID = 'dnsbl.check';

/**
 * "Check now" (`POST /api/assets/:id/check`): sweep one asset through the same code path as the scheduled job,
 * recorded as its own manual JobRun, and answer when done with the asset's listings (first page, 1000 rows).
 * @throws AppError('not_found') for an unknown asset; AppError('unavailable') when the sweep failed (the run
 *   keeps the error).
 */
export async function checkAssetNow(params: {
  assetId: string;
  db?: PrismaClient;
  transport?: AlertTransport | null;
  sweep?: SweepOptions;
}): Promise<{ jobRunId: string; listings: ListingView[] }> {
  const db = params.db ?? prisma;
  await findAssetOrThrow({ id: params.assetId, db });
  const run = await startManualRun({ jobId: CHECK_JOB_ID, db });
  const result = await executeJobRun({
    run,
    db,
    body: (ctx) =>
      runDnsblSweep({
        jobRunId: ctx.jobRunId,
        assetId: params.assetId,
        onProgress: ctx.progress,
        db,
        transport: params.transport,
        sweep: params.sweep,
      }),
  });
  if (result.status === 'failed') throw new AppError('unavailable', `the check failed: ${result.error}`);
  return { jobRunId: run.id, listings: await listListings({ assetId: params.assetId, db }) };
}
