import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Tallies } from './zone-tally.ts';
import { insertListings } from './insert-listings.ts';
import type { NewListing } from './insert-listings.ts';

type Counts = { listed: number; notListed: number; errors: number; notApplicable: number };
type CheckRow = Counts & { assetId: string; zone: string; zoneReason: string | null; zoneDetail: string | null };
type AssetCheckRow = Counts & { id: string; assetId: string };

/** Assets whose checks are written per transaction (at 50 zones, 5,000 AssetZoneCheck rows). */
export const ASSETS_PER_TRANSACTION = 100;

/**
 * Record the zone-level outcome of one sweep for each asset, in one transaction of at most four statements per
 * ASSETS_PER_TRANSACTION assets (the rows travel as JSON parameters read with SQLite's `json_each`):
 * - AssetZoneCheck per (asset, zone swept) with the counts, replacing the previous sweep's rows; `zoneReason` is
 *   set when a zone-level error (zone_unhealthy, budget_exhausted) hit the asset's targets without a row on that
 *   zone (all of them; or some, for zone_unhealthy, which the engine decides per zone for the whole sweep);
 * - when the daily budget ran out part-way through an asset, its refused targets get Listing rows in state
 *   `unknown` instead (so the other targets still read as checked);
 * - one AssetCheck row (the history behind the charts).
 * `applicable(assetId, zone)`: how many of the asset's targets the zone receives (its key type).
 */
export async function writeAssetChecks(params: {
  db: PrismaClient;
  assetIds: string[];
  zones: string[];
  tallies: Tallies;
  applicable: (assetId: string, zone: string) => number;
  jobRunId: string | null;
  now: Date;
}): Promise<void> {
  const { db, tallies, now } = params;
  for (let i = 0; i < params.assetIds.length; i += ASSETS_PER_TRANSACTION) {
    const assetIds = params.assetIds.slice(i, i + ASSETS_PER_TRANSACTION);
    const checks: CheckRow[] = [];
    const unknownRows: NewListing[] = [];
    const assetChecks: AssetCheckRow[] = [];
    for (const assetId of assetIds) {
      collectAssetRows({ assetId, zones: params.zones, tallies, applicable: params.applicable, now, checks, unknownRows, assetChecks });
    }
    await db.$transaction([
      db.$executeRaw`DELETE FROM "AssetZoneCheck" WHERE "assetId" IN (SELECT value FROM json_each(${JSON.stringify(assetIds)}))`,
      db.$executeRaw`
        INSERT INTO "AssetZoneCheck" ("assetId", "zone", "checkedAt", "listed", "notListed", "errors", "notApplicable",
          "zoneReason", "zoneDetail")
        SELECT value ->> 'assetId', value ->> 'zone', ${now}, value ->> 'listed', value ->> 'notListed',
          value ->> 'errors', value ->> 'notApplicable', value ->> 'zoneReason', value ->> 'zoneDetail'
        FROM json_each(${JSON.stringify(checks)})`,
      ...(unknownRows.length ? [insertListings({ db, rows: unknownRows, now })] : []),
      db.$executeRaw`
        INSERT INTO "AssetCheck" ("id", "assetId", "at", "jobRunId", "listed", "notListed", "errors", "notApplicable")
        SELECT value ->> 'id', value ->> 'assetId', ${now}, ${params.jobRunId}, value ->> 'listed',
          value ->> 'notListed', value ->> 'errors', value ->> 'notApplicable'
        FROM json_each(${JSON.stringify(assetChecks)})`,
    ]);
  }
}

/** Add one asset's AssetZoneCheck rows, `unknown` Listing rows and AssetCheck totals to the lists. */
function collectAssetRows(params: {
  assetId: string;
  zones: string[];
  tallies: Tallies;
  applicable: (assetId: string, zone: string) => number;
  now: Date;
  checks: CheckRow[];
  unknownRows: NewListing[];
  assetChecks: AssetCheckRow[];
}): void {
  const { assetId, tallies, now, checks, unknownRows, assetChecks } = params;
  const byZone = tallies.get(assetId) ?? new Map();
  const totals: Counts = { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
  for (const zone of params.zones) {
    const t = byZone.get(zone);
    const whole = t !== undefined && t.zoneErrors > 0 && t.zoneErrors >= params.applicable(assetId, zone);
    // Part-way budget exhaustion: the refused targets get their own rows, the zone keeps no shared reason.
    const perTarget = t !== undefined && t.zoneErrors > 0 && !whole && t.exhausted.length === t.zoneErrorsWithoutRow;
    if (t && perTarget) {
      for (const target of t.exhausted) {
        unknownRows.push({
          assetId,
          target,
          zone,
          state: 'unknown',
          lastVerdict: 'error',
          lastReason: 'budget_exhausted',
          codes: '[]',
          meanings: '[]',
          txt: null,
          cleanStreak: 0,
          since: now,
          firstListedAt: null,
        });
      }
    }
    const counts: Counts = t
      ? { listed: t.listed, notListed: t.notListed, errors: t.errors, notApplicable: t.notApplicable }
      : { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
    totals.listed += counts.listed;
    totals.notListed += counts.notListed;
    totals.errors += counts.errors;
    totals.notApplicable += counts.notApplicable;
    checks.push({
      assetId,
      zone,
      ...counts,
      zoneReason: t && t.zoneErrors > 0 && !perTarget ? t.zoneReason : null,
      zoneDetail: t && t.zoneErrors > 0 ? partialDetail(t.zoneDetail, whole, t.zoneErrors) : null,
    });
  }
  assetChecks.push({ id: randomUUID(), assetId, ...totals });
}

function partialDetail(detail: string | null, whole: boolean, n: number): string | null {
  if (whole) return detail;
  const part = `${n} target(s) not checked`;
  return detail ? `${detail} (${part})` : part;
}
