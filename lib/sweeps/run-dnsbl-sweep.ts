import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { sendListingAlerts } from '../alerts/send-listing-alerts.ts';
import { sendResolverAlert } from '../alerts/send-resolver-alert.ts';
import type { AlertTransport } from '../alerts/alert-transport.ts';
import type { ListingAlertCounts } from '../alerts/send-listing-alerts.ts';
import { sweepAssets } from './sweep-assets.ts';
import type { SweepAssetsSummary } from './sweep-assets.ts';
import { withSweepLock } from './sweep-lock.ts';
import { runSweep as realRunSweep } from '../dnsbl/run-sweep.ts';
import { readZoneKeys } from '../zones/read-zone-keys.ts';
import { withZoneKeys } from '../zones/with-zone-keys.ts';

/** Engine boundaries a caller (a test) may replace; see sweepAssets. */
export type SweepOptions = Pick<Parameters<typeof sweepAssets>[0], 'client' | 'runSweep' | 'now' | 'confirmDelayMs'>;

/**
 * The JobRun summary of a DNSBL sweep: the sweep's figures plus what the alerts did — `alertEmails` messages sent
 * carrying `alertChanges` listing changes (see sendListingAlerts), the resolver alert, and an error if any.
 */
export interface DnsblSweepSummary extends SweepAssetsSummary {
  assetId?: string;
  alerts: ListingAlertCounts & { resolver: string; error?: string };
}

/**
 * The body of the `dnsbl.sweep` job and of "check now" (one asset): sweep (serialised within the process by
 * withSweepLock; keyed zones queried under their stored account key, see withZoneKeys), then email the pending listing changes and a resolver alert. Alert failures are recorded in the
 * summary and on the events (retried next sweep); they never fail the sweep.
 * @throws what sweepAssets throws.
 */
export async function runDnsblSweep(params: {
  jobRunId: string;
  assetId?: string;
  onProgress?: (p: { done: number; total: number }) => void;
  signal?: AbortSignal;
  db?: PrismaClient;
  transport?: AlertTransport | null;
  sweep?: SweepOptions;
}): Promise<DnsblSweepSummary> {
  const db = params.db ?? prisma;
  // Keyed zones (DQS, Abusix) are queried under their account key; results keep the catalog zone name.
  const keys = await readZoneKeys({ db });
  const engine = withZoneKeys({ runSweep: params.sweep?.runSweep ?? realRunSweep, keys });
  const summary = await withSweepLock(() =>
    sweepAssets({
      ...params.sweep,
      runSweep: engine,
      ...(params.assetId ? { assetId: params.assetId } : {}),
      jobRunId: params.jobRunId,
      onProgress: params.onProgress,
      signal: params.signal,
      db,
    }),
  );
  const alerts: DnsblSweepSummary['alerts'] = {
    alertEmails: 0,
    alertChanges: 0,
    skippedChanges: 0,
    failedEmails: 0,
    failedChanges: 0,
    resolver: 'unchanged',
  };
  try {
    Object.assign(alerts, await sendListingAlerts({ db, transport: params.transport }));
    alerts.resolver = await sendResolverAlert({ resolver: summary.resolver, db, transport: params.transport });
  } catch (err) {
    alerts.error = err instanceof Error ? err.message : String(err);
    logger.error({ err, jobRunId: params.jobRunId }, 'alerts after the sweep failed');
  }
  return { ...summary, ...(params.assetId ? { assetId: params.assetId } : {}), alerts };
}
