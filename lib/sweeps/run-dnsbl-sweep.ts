import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { runAlerts } from '../alerts/run-alerts.ts';
import type { AlertRunSummary } from '../alerts/run-alerts.ts';
import type { DeliveryDeps } from '../alerts/deliver-notifications.ts';
import { sweepAssets } from './sweep-assets.ts';
import type { SweepAssetsSummary } from './sweep-assets.ts';
import { withSweepLock } from './sweep-lock.ts';
import { runSweep as realRunSweep } from '../dnsbl/run-sweep.ts';
import { readZoneKeys } from '../zones/read-zone-keys.ts';
import { withZoneKeys } from '../zones/with-zone-keys.ts';

/** Engine boundaries a caller (a test) may replace; see sweepAssets. */
export type SweepOptions = Pick<Parameters<typeof sweepAssets>[0], 'client' | 'runSweep' | 'now' | 'confirmDelayMs'>;

/**
 * The JobRun summary of a DNSBL sweep: the sweep's figures plus what the alert run after it did (runAlerts:
 * incidents opened, reopened and resolved, notifications queued, sent, retrying and failed), and an error if any.
 */
export interface DnsblSweepSummary extends SweepAssetsSummary {
  assetId?: string;
  alerts: Partial<AlertRunSummary> & { error?: string };
}

/**
 * The body of the `dnsbl.sweep` job and of "check now" (one asset): sweep (serialised within the process by
 * withSweepLock; keyed zones queried under their stored account key, see withZoneKeys), then run the alerts
 * (runAlerts with this sweep's resolver health: new listings, delistings, zone and resolver health). Alert failures
 * are recorded in the summary and in the notifications (retried by the alerts.evaluate tick); they never fail the sweep.
 * @throws what sweepAssets throws.
 */
export async function runDnsblSweep(params: {
  jobRunId: string;
  assetId?: string;
  onProgress?: (p: { done: number; total: number }) => void;
  signal?: AbortSignal;
  db?: PrismaClient;
  sweep?: SweepOptions;
} & DeliveryDeps): Promise<DnsblSweepSummary> {
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
  let alerts: DnsblSweepSummary['alerts'];
  try {
    alerts = await runAlerts({ db, resolver: summary.resolver, transport: params.transport, fetchFn: params.fetchFn, now: params.sweep?.now });
  } catch (err) {
    alerts = { error: err instanceof Error ? err.message : String(err) };
    logger.error({ err, jobRunId: params.jobRunId }, 'alerts after the sweep failed');
  }
  return { ...summary, ...(params.assetId ? { assetId: params.assetId } : {}), alerts };
}
