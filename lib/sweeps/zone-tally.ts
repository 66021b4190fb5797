import type { CheckResult, ErrorReason } from '../dnsbl/types.ts';

/** Counts of one asset on one zone in one sweep, plus what it needs to decide the zone-level reason. */
export interface ZoneTally {
  listed: number;
  notListed: number;
  errors: number;
  notApplicable: number;
  /** Zone-level errors (zone_unhealthy, budget_exhausted) on targets without a Listing row. */
  zoneErrors: number;
  zoneReason: ErrorReason | null;
  zoneDetail: string | null;
  /** Targets refused by the daily budget without a row: given `unknown` rows if the budget ran out part-way. */
  exhausted: string[];
}

/** Tallies per (asset, zone) for one sweep, keyed `assetId` → `zone`. */
export type Tallies = Map<string, Map<string, ZoneTally>>;

/** Count one result into its (asset, zone) tally. `zoneLevel`: a zone-level error on a target without a row. */
export function tallyResult(params: { tallies: Tallies; assetId: string; result: CheckResult; zoneLevel: boolean }): void {
  const { tallies, assetId, result: r } = params;
  let byZone = tallies.get(assetId);
  if (!byZone) tallies.set(assetId, (byZone = new Map()));
  let t = byZone.get(r.zone);
  if (!t) {
    t = { listed: 0, notListed: 0, errors: 0, notApplicable: 0, zoneErrors: 0, zoneReason: null, zoneDetail: null, exhausted: [] };
    byZone.set(r.zone, t);
  }
  if (r.verdict === 'listed') t.listed++;
  else if (r.verdict === 'not_listed') t.notListed++;
  else if (r.verdict === 'not_applicable') t.notApplicable++;
  else t.errors++;
  if (params.zoneLevel) {
    t.zoneErrors++;
    t.zoneReason ??= r.reason ?? null;
    t.zoneDetail ??= r.detail ?? null;
    if (r.reason === 'budget_exhausted') t.exhausted.push(r.target);
  }
}
