import type { CheckResult, ErrorReason } from '../dnsbl/types.ts';

/** Reasons that concern a whole zone in one sweep, not one target: stored on AssetZoneCheck, not per target. */
export const ZONE_LEVEL_REASONS: ReadonlySet<ErrorReason> = new Set<ErrorReason>(['zone_unhealthy', 'budget_exhausted']);

/** The stored state of one Listing row (the fields the rules read). */
export interface ListingRowState {
  /** listed | not_listed (confirmed states) | unknown (only ever seen with a per-target error). */
  state: 'listed' | 'not_listed' | 'unknown';
  lastVerdict: string;
  lastReason: string | null;
  /** JSON string[] */
  codes: string;
  /** JSON string[] */
  meanings: string;
  txt: string | null;
  cleanStreak: number;
  since: Date;
  firstListedAt: Date | null;
}

/** What to write for one result. `event` is the ListingEvent the change creates (only real changes create one). */
export type ListingChange =
  | { op: 'none' }
  /** A zone-level error on a target without a row: counted on AssetZoneCheck only. */
  | { op: 'zone_level' }
  | { op: 'create'; row: ListingRowState; event?: 'listed' }
  | { op: 'update'; data: Partial<ListingRowState>; event?: 'listed' | 'delisted' }
  /** A row kept only for a per-target error whose target is now clean: the sparse table drops it. */
  | { op: 'delete' };

/** Clean sweeps in a row before a listed target counts as delisted (design §5: no flapping alerts). */
export const CLEAN_SWEEPS_TO_DELIST = 2;

/**
 * The listing rules of design §5 for one (target, zone) result, given its stored row (undefined: none). Pure but
 * for the clock `now`, read only when a state begins (`since`): most results (clean, no row) never read it.
 * - `listed`: a new listing (no row, or a row not listed) → state listed, `since` now, first seen kept or set,
 *   event `listed`; an existing listing → only what changed (codes, TXT, streak reset), no event.
 * - `not_listed`: a listed row counts a clean sweep; at CLEAN_SWEEPS_TO_DELIST → state not_listed, event
 *   `delisted`. A row that only held a per-target error is deleted (nothing is listed, nothing to keep).
 * - `error`: never changes `state` (DNS-01); the row's last verdict/reason is updated; a per-target error without
 *   a row creates one in state `unknown`; a zone-level error without a row goes to AssetZoneCheck.
 * - `not_applicable`: nothing.
 */
export function planListingChange(params: { row: ListingRowState | undefined; result: CheckResult; now: () => Date }): ListingChange {
  const { row, result: r, now } = params;
  const txt = r.txt ?? null;
  if (r.verdict === 'listed') {
    const { codes, meanings } = codesOf(r);
    if (row?.state === 'listed') {
      const data: Partial<ListingRowState> = {};
      if (row.lastVerdict !== 'listed' || row.lastReason !== null) Object.assign(data, { lastVerdict: 'listed', lastReason: null });
      if (row.cleanStreak !== 0) data.cleanStreak = 0;
      if (row.codes !== codes || row.meanings !== meanings) Object.assign(data, { codes, meanings });
      if (row.txt !== txt) data.txt = txt;
      return Object.keys(data).length ? { op: 'update', data } : { op: 'none' };
    }
    const at = now();
    const listed: ListingRowState = {
      state: 'listed',
      lastVerdict: 'listed',
      lastReason: null,
      codes,
      meanings,
      txt,
      cleanStreak: 0,
      since: at,
      firstListedAt: row?.firstListedAt ?? at,
    };
    return row ? { op: 'update', data: listed, event: 'listed' } : { op: 'create', row: listed, event: 'listed' };
  }
  if (r.verdict === 'not_listed') {
    if (!row) return { op: 'none' };
    if (row.state === 'listed') {
      const streak = row.cleanStreak + 1;
      if (streak >= CLEAN_SWEEPS_TO_DELIST) {
        return {
          op: 'update',
          data: { state: 'not_listed', since: now(), cleanStreak: 0, lastVerdict: 'not_listed', lastReason: null },
          event: 'delisted',
        };
      }
      return { op: 'update', data: { cleanStreak: streak, lastVerdict: 'not_listed', lastReason: null } };
    }
    if (row.state === 'unknown') return { op: 'delete' };
    return row.lastVerdict === 'not_listed' ? { op: 'none' } : { op: 'update', data: { lastVerdict: 'not_listed', lastReason: null } };
  }
  if (r.verdict === 'error') {
    const reason = r.reason ?? 'invalid_answer';
    if (!row && ZONE_LEVEL_REASONS.has(reason)) return { op: 'zone_level' };
    const { codes, meanings } = codesOf(r);
    if (!row) {
      return {
        op: 'create',
        row: {
          state: 'unknown',
          lastVerdict: 'error',
          lastReason: reason,
          codes,
          meanings,
          txt,
          cleanStreak: 0,
          since: now(),
          firstListedAt: null,
        },
      };
    }
    const data: Partial<ListingRowState> = {};
    if (row.lastVerdict !== 'error' || row.lastReason !== reason) Object.assign(data, { lastVerdict: 'error', lastReason: reason });
    // A row that never held a listing keeps the error answer's codes (e.g. 127.255.255.254, BL-01) to explain it.
    if (row.state === 'unknown' && (row.codes !== codes || row.meanings !== meanings || row.txt !== txt)) {
      Object.assign(data, { codes, meanings, txt });
    }
    return Object.keys(data).length ? { op: 'update', data } : { op: 'none' };
  }
  return { op: 'none' };
}

/** The result's return codes and meanings as stored (JSON string[]); only the verdicts that store them need it. */
function codesOf(r: CheckResult): { codes: string; meanings: string } {
  return { codes: JSON.stringify(r.codes), meanings: JSON.stringify(r.meanings) };
}
