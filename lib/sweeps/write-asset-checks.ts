import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Tallies } from './zone-tally.ts';

/**
 * Record the zone-level outcome of one sweep for each asset, one transaction per asset:
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
  for (const assetId of params.assetIds) {
    const byZone = tallies.get(assetId) ?? new Map();
    const totals = { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
    const checks = [];
    const unknownRows = [];
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
            since: now,
            lastCheckedAt: now,
          });
        }
      }
      const counts = t
        ? { listed: t.listed, notListed: t.notListed, errors: t.errors, notApplicable: t.notApplicable }
        : { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
      totals.listed += counts.listed;
      totals.notListed += counts.notListed;
      totals.errors += counts.errors;
      totals.notApplicable += counts.notApplicable;
      checks.push({
        assetId,
        zone,
        checkedAt: now,
        ...counts,
        zoneReason: t && t.zoneErrors > 0 && !perTarget ? t.zoneReason : null,
        zoneDetail: t && t.zoneErrors > 0 ? partialDetail(t.zoneDetail, whole, t.zoneErrors) : null,
      });
    }
    await db.$transaction([
      db.assetZoneCheck.deleteMany({ where: { assetId } }),
      db.assetZoneCheck.createMany({ data: checks }),
      ...(unknownRows.length ? [db.listing.createMany({ data: unknownRows })] : []),
      db.assetCheck.create({ data: { assetId, at: now, jobRunId: params.jobRunId, ...totals } }),
    ]);
  }
}

function partialDetail(detail: string | null, whole: boolean, n: number): string | null {
  if (whole) return detail;
  const part = `${n} target(s) not checked`;
  return detail ? `${detail} (${part})` : part;
}
