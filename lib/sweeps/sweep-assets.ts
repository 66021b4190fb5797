import type { Asset, Listing, PrismaClient, Zone } from '../generated/prisma/client.ts';
import type { KeyType, ZoneDefinition } from '../dnsbl/types.ts';
import type { DnsClient } from '../dnsbl/dns-client.ts';
import type { SweepResult, SweepSummary, SweepTarget } from '../dnsbl/run-sweep.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { runSweep as realRunSweep } from '../dnsbl/run-sweep.ts';
import { createThreadedDnsClient } from '../dnsbl/threaded-dns-client.ts';
import { resolverServers } from '../dnsbl/resolver-servers.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { targetAddresses, targetCount } from '../dnsbl/expand-range.ts';
import { keyTypeOfAsset } from '../assets/key-type-of-asset.ts';
import { zoneAppliesTo } from '../dnsbl/zone-catalog.ts';
import { loadSweepZones } from '../zones/load-sweep-zones.ts';
import { createZoneBudget } from '../zones/create-zone-budget.ts';
import { recordZoneHealth } from '../zones/record-zone-health.ts';
import { planListingChange } from './plan-listing-change.ts';
import type { ListingRowState } from './plan-listing-change.ts';
import { writeListingBatch } from './write-listing-batch.ts';
import type { ListingWrite } from './write-listing-batch.ts';
import { tallyResult } from './zone-tally.ts';
import type { Tallies } from './zone-tally.ts';
import { writeAssetChecks } from './write-asset-checks.ts';
import { createRowIndex } from './create-row-index.ts';

/** Listing writes per transaction. */
export const BATCH_SIZE = 500;

/** What one sweep of assets did, stored as the JobRun summary. */
export interface SweepAssetsSummary {
  assets: number;
  targets: number;
  zones: number;
  queries: number;
  counts: SweepSummary['counts'];
  durationMs: number;
  events: { listed: number; delisted: number };
  zoneHealth: { healthy: number; unhealthy: number };
  resolver: SweepSummary['resolver'];
}

/**
 * Sweep assets against the enabled zones and persist what changed: the one code path behind the scheduled
 * `dnsbl.sweep` job and "check now" (style rule 6).
 * - Selects enabled assets, or the one asset `assetId` (even when paused: the user asked for it).
 * - Streams every asset's targets (a range lazily, address by address) into runSweep, tagged with the asset id:
 *   single IPs and domains before ranges, so a short daily budget is spent on the small assets first.
 * - Re-queries only new listings before they count (design §5 confirmation): targets already confirmed listed
 *   on a zone are not confirmed again.
 * - Applies results with planListingChange in transactions of BATCH_SIZE writes; only changes create events.
 * - Afterwards: AssetZoneCheck and AssetCheck per asset (writeAssetChecks), zone health (recordZoneHealth),
 *   and the daily budget counters (flushed with every batch and at the end).
 * Every I/O boundary is injectable: `db`, `client` (DNS; default: a client on DNSBL_RESOLVER or the system's
 * resolvers whose UDP work runs on a worker thread (createThreadedDnsClient), closed at the end), `runSweep` (the engine) and `now`.
 * @throws what runSweep throws (AbortError on `signal`); rows already written stay (the next sweep redoes the work).
 */
export async function sweepAssets(params: {
  assetId?: string;
  jobRunId?: string | null;
  onProgress?: (p: { done: number; total: number }) => void;
  signal?: AbortSignal;
  db?: PrismaClient;
  client?: DnsClient;
  runSweep?: typeof realRunSweep;
  now?: () => Date;
  confirmDelayMs?: number;
}): Promise<SweepAssetsSummary> {
  const db = params.db ?? prisma;
  const now = params.now ?? (() => new Date());
  const run = params.runSweep ?? realRunSweep;
  const jobRunId = params.jobRunId ?? null;
  const e = env();
  // Created first, so that the DNS client's thread starts while the database is read.
  const client =
    params.client ??
    createThreadedDnsClient({ servers: resolverServers(e.DNSBL_RESOLVER), timeoutMs: e.DNSBL_TIMEOUT_MS, tries: e.DNSBL_TRIES });
  let assets: Asset[];
  let zoneRows: Zone[];
  let zones: ZoneDefinition[];
  let stored: Listing[];
  try {
    assets = await db.asset.findMany({
      where: params.assetId ? { id: params.assetId } : { enabled: true },
      orderBy: { createdAt: 'asc' },
    });
    ({ rows: zoneRows, definitions: zones } = await loadSweepZones({ db }));
    stored = await db.listing.findMany({ where: { assetId: { in: assets.map((a) => a.id) } } });
  } catch (err) {
    if (!params.client) await client.close();
    throw err;
  }
  const parsed = new Map(assets.map((a) => [a.id, parseTarget(a.value)]));
  const keyTypes = new Map<string, KeyType>(assets.map((a) => [a.id, keyTypeOfAsset(parsed.get(a.id)!)]));
  const counts = new Map(assets.map((a) => [a.id, targetCount(parsed.get(a.id)!)]));
  const zoneByName = new Map(zones.map((z) => [z.zone, z]));
  const applicable = (assetId: string, zone: string) => {
    const def = zoneByName.get(zone);
    return def && zoneAppliesTo(def, keyTypes.get(assetId)!) ? counts.get(assetId)! : 0;
  };
  const expectedQueries = assets.reduce(
    (n, a) => n + counts.get(a.id)! * zones.filter((z) => zoneAppliesTo(z, keyTypes.get(a.id)!)).length,
    0,
  );

  const rows = createRowIndex();
  for (const r of stored) rows.set(r.assetId, r.zone, r.target, { ...r, state: r.state as ListingRowState['state'] });

  const budget = createZoneBudget({ zones: zoneRows, db, now: params.now });
  const tallies: Tallies = new Map();
  const events = { listed: 0, delisted: 0 };
  let pending: ListingWrite[] = [];
  const flush = async () => {
    const writes = pending;
    pending = [];
    await writeListingBatch({ db, writes, jobRunId, now: now() });
    await budget.flush();
  };

  // Synchronous unless a batch is full: runSweep then emits without a promise per result.
  const onResult = (r: SweepResult): void | Promise<void> => {
    const assetId = r.key!;
    const row = rows.get(assetId, r.zone, r.target);
    const change = planListingChange({ row, result: r, now });
    tallyResult({ tallies, assetId, result: r, hasRow: row !== undefined });
    if (change.op === 'none' || change.op === 'zone_level') return;
    const base = { assetId, target: r.target, zone: r.zone };
    if (change.op === 'delete') {
      rows.delete(assetId, r.zone, r.target);
      pending.push({ ...base, op: 'delete' });
    } else {
      const next = change.op === 'create' ? change.row : { ...row!, ...change.data };
      rows.set(assetId, r.zone, r.target, next);
      const data = change.op === 'create' ? change.row : change.data;
      // A delisting event carries the codes of the listing that ended.
      const source = change.event === 'delisted' ? row! : next;
      pending.push({
        ...base,
        op: change.op,
        data,
        ...(change.event
          ? { event: { kind: change.event, codes: source.codes, meanings: source.meanings, txt: source.txt } }
          : {}),
      });
      if (change.event) events[change.event]++;
    }
    if (pending.length >= BATCH_SIZE) return flush();
  };

  // Single IPs and domains first, ranges last: when a zone's daily budget runs short, the small assets keep their
  // verdicts and the budget_exhausted errors fall on the ranges' addresses.
  const sweepOrder = [...assets.filter((a) => parsed.get(a.id)!.kind !== 'range'), ...assets.filter((a) => parsed.get(a.id)!.kind === 'range')];
  async function* targets(): AsyncGenerator<SweepTarget> {
    for (const a of sweepOrder) {
      const keyType = keyTypes.get(a.id)!;
      for (const value of targetAddresses(parsed.get(a.id)!)) yield { value, keyType, key: a.id };
    }
  }

  let summary: SweepSummary;
  try {
    summary = await run({
      targets: targets(),
      zones,
      client,
      concurrency: e.DNSBL_CONCURRENCY,
      zoneConcurrency: e.DNSBL_ZONE_CONCURRENCY,
      budget,
      confirmDelayMs: params.confirmDelayMs ?? e.DNSBL_CONFIRM_DELAY_MS,
      needsConfirmation: (r) => rows.get(r.key!, r.zone, r.target)?.state !== 'listed',
      expectedQueries,
      onResult,
      onProgress: params.onProgress
        ? (p) => params.onProgress!({ done: p.done, total: Math.max(p.done, p.total ?? expectedQueries) })
        : undefined,
      signal: params.signal,
    });
  } finally {
    if (!params.client) await client.close();
  }
  await flush();
  const finishedAt = now();
  await writeAssetChecks({
    db,
    assetIds: assets.map((a) => a.id),
    zones: zones.map((z) => z.zone),
    tallies,
    applicable,
    jobRunId,
    now: finishedAt,
  });
  await recordZoneHealth({ zoneHealth: summary.zoneHealth, db, now: finishedAt });
  const unhealthy = summary.zoneHealth.filter((h) => !h.healthy).length;
  return {
    assets: assets.length,
    targets: [...counts.values()].reduce((a, b) => a + b, 0),
    zones: zones.length,
    queries: summary.queries,
    counts: summary.counts,
    durationMs: summary.durationMs,
    events,
    zoneHealth: { healthy: summary.zoneHealth.length - unhealthy, unhealthy },
    resolver: summary.resolver,
  };
}

