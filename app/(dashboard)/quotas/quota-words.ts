import type { QuotaState, QuotaWindow } from '../../_hooks/api-types.ts';

/** A quota whose limit is known: its remaining and percent are numbers too. */
export type KnownLimitQuota = QuotaState & { limit: number; remaining: number; percent: number };

/** True when the quota's limit is known (the API gives remaining and percent with it); false for limit null. */
export function hasKnownLimit(quota: QuotaState): quota is KnownLimitQuota {
  return quota.limit !== null && quota.remaining !== null && quota.percent !== null;
}

/** Window names as the Quotas page says them. */
export const WINDOW_WORDS: Record<QuotaWindow, string> = {
  minute: 'Per minute (rolling 60 s)',
  hour: 'Per hour (rolling 60 min)',
  day: 'Per day (rolling 24 h)',
  month: 'Per month (calendar month, UTC)',
  credits: 'Credits (balance, no reset)',
};

/** A span in ms as "3 h 12 min", "2 d 4 h", "45 s" (two largest units). */
export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const units: [string, number][] = [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = s;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (parts.length === 0 && unit === 's')) parts.push(`${n} ${unit}`);
    rest -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/**
 * "resets in 3 h 12 min", or why there is no reset time: credits do not reset; an unknown limit (null) has no
 * count to reset once the relay's mark is over; a rolling window with nothing counted; a zero limit.
 */
export function resetWords(p: { window: QuotaWindow; limit: number | null; resetAt: string | null; used: number; nowMs: number }): string {
  if (p.resetAt) return `resets in ${formatSpan(new Date(p.resetAt).getTime() - p.nowMs)}`;
  if (p.window === 'credits') return 'no reset: add credits by setting a new balance';
  if (p.limit === null) return 'no reset to wait for: limit unknown, not blocked';
  return p.limit === 0 ? 'limit 0 blocks every send: raise the limit' : 'nothing counted yet';
}

/** "at this rate: in 5 h", or that it is not on course to run out (or cannot be projected: unknown limit). */
export function projectionWords(p: { limit: number | null; projectedExhaustionAt: string | null; exhausted: boolean; nowMs: number }): string {
  if (p.exhausted) return 'exhausted now';
  if (p.limit === null) return 'no projection: the limit is unknown';
  if (!p.projectedExhaustionAt) return 'at this rate: not on course to run out';
  return `at this rate: runs out in ${formatSpan(new Date(p.projectedExhaustionAt).getTime() - p.nowMs)}`;
}
