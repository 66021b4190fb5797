import type { CheckResult, ErrorReason } from '../dnsbl/types.ts';
import { ZONE_LEVEL_REASONS } from './plan-listing-change.ts';

/** Counts of one asset on one zone in one sweep, plus what it needs to decide the zone-level reason. */
export interface ZoneTally {
  listed: number;
  notListed: number;
  errors: number;
  notApplicable: number;
  /** Zone-level errors (zone_unhealthy, budget_exhausted), on any target. */
  zoneErrors: number;
  /** Those of them on targets without a Listing row. */
  zoneErrorsWithoutRow: number;
  zoneReason: ErrorReason | null;
  zoneDetail: string | null;
  /** Targets refused by the daily budget without a row: given `unknown` rows if the budget ran out part-way. */
  exhausted: string[];
}

/** Tallies per (asset, zone) for one sweep, keyed `assetId` → `zone`. */
export type Tallies = Map<string, Map<string, ZoneTally>>;

/** Count one result into its (asset, zone) tally. `hasRow`: the target has a Listing row on the zone. */
export function tallyResult(params: { tallies: Tallies; assetId: string; result: CheckResult; hasRow: boolean }): void {
  const { tallies, assetId, result: r } = params;
  let byZone = tallies.get(assetId);
  if (!byZone) tallies.set(assetId, (byZone = new Map()));
  let t = byZone.get(r.zone);
  if (!t) {
    t = { listed: 0, notListed: 0, errors: 0, notApplicable: 0, zoneErrors: 0, zoneErrorsWithoutRow: 0, zoneReason: null, zoneDetail: null, exhausted: [] };
    byZone.set(r.zone, t);
  }
  if (r.verdict === 'listed') t.listed++;
  else if (r.verdict === 'not_listed') t.notListed++;
  else if (r.verdict === 'not_applicable') t.notApplicable++;
  else t.errors++;
  if (r.verdict === 'error' && r.reason && ZONE_LEVEL_REASONS.has(r.reason)) {
    t.zoneErrors++;
    t.zoneReason ??= r.reason;
    t.zoneDetail ??= r.detail ?? null;
    if (!params.hasRow) {
      t.zoneErrorsWithoutRow++;
      if (r.reason === 'budget_exhausted') t.exhausted.push(r.target);
    }
  }
}
