import type { AssetZoneCheck, Listing } from '../generated/prisma/client.ts';
import type { ErrorReason, Verdict } from '../dnsbl/types.ts';
import { CLEAN_SWEEPS_TO_DELIST } from '../sweeps/plan-listing-change.ts';

/**
 * One (target, zone) row as `GET /api/assets/:id/listings` answers (README "JSON API").
 * `state` is the confirmed state: listed | not_listed | unknown (never seen without an error) | not_applicable.
 * `since`: when the current state began (for an implicit not_listed: the asset's first check).
 */
export interface ListingView {
  target: string;
  zone: string;
  verdict: Verdict;
  reason?: ErrorReason;
  codes: string[];
  meanings: string[];
  txt?: string;
  since: Date;
  state: 'listed' | 'not_listed' | 'unknown' | 'not_applicable';
  firstListedAt?: Date;
  lastCheckedAt: Date;
  delistUrl?: string;
  /**
   * Still listed, but the last sweep found it clean: a delisting waiting for its confirming sweep (design §5).
   * `cleanSweeps` of `cleanSweepsNeeded` so far; the codes, TXT and delist link are those of the listing ending.
   */
  pendingDelisting?: true;
  cleanSweeps?: number;
  cleanSweepsNeeded?: number;
}

/**
 * The row for one (target, zone) of a checked zone, from its sparse Listing row if any, else from the zone-level
 * outcome of the last sweep (AssetZoneCheck): a shared zoneReason makes it an error, otherwise it is not listed.
 * Pure. `firstCheckAt`: the asset's first sweep (since of implicit states).
 */
export function toListingView(params: {
  target: string;
  zone: string;
  applies: boolean;
  row: Listing | undefined;
  check: AssetZoneCheck;
  firstCheckAt: Date;
  delistUrl?: string;
}): ListingView {
  const { target, zone, row, check } = params;
  const delist = params.delistUrl ? { delistUrl: params.delistUrl } : {};
  if (!params.applies) {
    return { target, zone, verdict: 'not_applicable', codes: [], meanings: [], since: params.firstCheckAt, state: 'not_applicable', lastCheckedAt: check.checkedAt };
  }
  if (row) {
    const showCodes = row.state === 'listed' || row.lastVerdict === 'error';
    return {
      target,
      zone,
      verdict: row.lastVerdict as Verdict,
      ...(row.lastVerdict === 'error' && row.lastReason ? { reason: row.lastReason as ErrorReason } : {}),
      codes: showCodes ? (JSON.parse(row.codes) as string[]) : [],
      meanings: showCodes ? (JSON.parse(row.meanings) as string[]) : [],
      ...(showCodes && row.txt ? { txt: row.txt } : {}),
      since: row.since,
      state: row.state as ListingView['state'],
      ...(row.firstListedAt ? { firstListedAt: row.firstListedAt } : {}),
      lastCheckedAt: row.lastCheckedAt > check.checkedAt ? row.lastCheckedAt : check.checkedAt,
      ...delist,
      ...(row.state === 'listed' && row.lastVerdict === 'not_listed' && row.cleanStreak > 0
        ? { pendingDelisting: true as const, cleanSweeps: row.cleanStreak, cleanSweepsNeeded: CLEAN_SWEEPS_TO_DELIST }
        : {}),
    };
  }
  if (check.zoneReason) {
    // No row and a zone-level error: whether it was clean before is not recorded (sparse table), so `unknown`.
    return {
      target,
      zone,
      verdict: 'error',
      reason: check.zoneReason as ErrorReason,
      codes: [],
      meanings: [],
      since: params.firstCheckAt,
      state: 'unknown',
      lastCheckedAt: check.checkedAt,
      ...delist,
    };
  }
  return { target, zone, verdict: 'not_listed', codes: [], meanings: [], since: params.firstCheckAt, state: 'not_listed', lastCheckedAt: check.checkedAt, ...delist };
}
