import type { Quota } from '../generated/prisma/client.ts';
import { projectExhaustion } from './project-exhaustion.ts';
import { countsIn, isRolling, ROLLING_MS, windowAdjective, windowBounds } from './quota-window.ts';
import type { QuotaWindow } from './quota-window.ts';

/** One usage record: `count` messages sent at `at` (a UsageEvent). */
export interface UsagePoint {
  at: Date;
  count: number;
}

/** The quota fields the window math reads (a Quota row satisfies it). */
export type QuotaInput = Pick<Quota, 'id' | 'serverId' | 'window' | 'limit' | 'thresholds' | 'creditsSetAt' | 'exhaustedUntil' | 'exhaustedReason' | 'createdAt'>;

/**
 * A quota at one instant. `used`, `remaining` and `limit` are messages; `percent` is used / limit in percent,
 * rounded to 0.1 (100 for a zero limit); `crossed` are the thresholds (percent) that `used` has reached;
 * `exhausted` when used ≥ limit or while a relay reply's mark lasts (`exhaustedUntil` in the future), with the
 * reason in words; `resetAt` and `projectedExhaustionAt` as documented on computeQuotaState.
 * `limit` null: the provider's limit is unknown (a row recordQuotaReply created from a reply that named none);
 * then `remaining` and `percent` are null, `crossed` is empty and only the relay's mark exhausts the window.
 */
export interface QuotaState {
  quotaId: string;
  serverId: string;
  window: string;
  limit: number | null;
  used: number;
  remaining: number | null;
  percent: number | null;
  thresholds: number[];
  crossed: number[];
  exhausted: boolean;
  exhaustedReason?: string;
  resetAt: Date | null;
  projectedExhaustionAt: Date | null;
}

/** The default warning thresholds, in percent of the limit (issue 4). */
export const DEFAULT_THRESHOLDS: readonly number[] = [80, 90, 100];

/** Quota.thresholds (JSON number[]) as numbers; the defaults when it is not a JSON array of numbers. */
export function parseThresholds(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return [...value].sort((a, b) => a - b);
  } catch {
    // stored by this code only; fall through to the defaults
  }
  return [...DEFAULT_THRESHOLDS];
}

/** The sends counted in the quota's window at `now`, oldest first (see windowBounds for the edges). */
export function countedUsage(p: { quota: QuotaInput; usage: UsagePoint[]; now: Date }): UsagePoint[] {
  const window = p.quota.window as QuotaWindow;
  const bounds = windowBounds({ window, now: p.now, creditsSetAt: p.quota.creditsSetAt ?? p.quota.createdAt });
  return p.usage.filter((u) => countsIn({ window, at: u.at, ...bounds })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The earliest instant ≥ now at which `need` more messages fit under the limit by count (used + need ≤ limit),
 * ignoring a relay's exhaustion mark: now when they fit already or the limit is unknown (null: nothing to count
 * against); for rolling windows the moment enough of the
 * oldest counted sends have left (send time + window length); for a month the next 1st 00:00 UTC; null when they
 * never fit by themselves (credits, or need > limit).
 */
export function roomAt(p: { quota: QuotaInput; usage: UsagePoint[]; now: Date; need: number }): Date | null {
  const { now, need } = p;
  const { limit } = p.quota;
  if (limit === null) return now;
  const counted = countedUsage(p);
  let used = counted.reduce((n, u) => n + u.count, 0);
  if (used + need <= limit) return now;
  if (need > limit) return null;
  const window = p.quota.window as QuotaWindow;
  if (window === 'month') return windowBounds({ window, now }).resetAt;
  if (!isRolling(window)) return null;
  for (const u of counted) {
    used -= u.count;
    if (used + need <= limit) return new Date(u.at.getTime() + ROLLING_MS[window]);
  }
  return null;
}

/**
 * The state of one quota at `now` from its sends (`usage` may hold more than the window; only counted sends are
 * used). Definitions:
 * - `resetAt`: month → the next 1st 00:00 UTC; credits → null (a balance does not reset); rolling windows → when
 *   usage at or over the limit falls below it as the oldest counted sends leave (null for a zero limit), and
 *   below the limit when the oldest counted send leaves (null when nothing is counted). While a relay's
 *   exhaustion mark lasts, `resetAt` is not before `exhaustedUntil`.
 * - `projectedExhaustionAt`: see projectExhaustion; null when exhausted already.
 * - unknown limit (null): `remaining` and `percent` null, `crossed` empty (no threshold can be reached),
 *   `exhausted` only while the relay's mark lasts, `resetAt` = `exhaustedUntil` while it lasts (else null),
 *   `projectedExhaustionAt` null.
 */
export function computeQuotaState(p: { quota: QuotaInput; usage: UsagePoint[]; now: Date }): QuotaState {
  const { quota, now } = p;
  const window = quota.window as QuotaWindow;
  const counted = countedUsage(p);
  const used = counted.reduce((n, u) => n + u.count, 0);
  const { limit } = quota;
  const thresholds = parseThresholds(quota.thresholds);
  const marked = quota.exhaustedUntil !== null && quota.exhaustedUntil.getTime() > now.getTime();
  if (limit === null) {
    return {
      quotaId: quota.id,
      serverId: quota.serverId,
      window,
      limit,
      used,
      remaining: null,
      percent: null,
      thresholds,
      crossed: [],
      exhausted: marked,
      ...(marked ? { exhaustedReason: quota.exhaustedReason ?? 'the relay said this quota is exhausted' } : {}),
      resetAt: marked ? quota.exhaustedUntil : null,
      projectedExhaustionAt: null,
    };
  }
  const full = used >= limit;
  const exhausted = marked || full;

  let resetAt: Date | null;
  if (isRolling(window)) {
    resetAt = full ? roomAt({ quota, usage: counted, now, need: 1 }) : counted.length ? new Date(counted[0].at.getTime() + ROLLING_MS[window]) : null;
  } else resetAt = windowBounds({ window, now }).resetAt;
  if (marked) {
    const until = quota.exhaustedUntil as Date;
    if (!full && isRolling(window)) resetAt = until;
    else if (resetAt === null) resetAt = full ? null : until;
    else if (resetAt < until) resetAt = until;
  }

  return {
    quotaId: quota.id,
    serverId: quota.serverId,
    window,
    limit,
    used,
    remaining: Math.max(0, limit - used),
    percent: limit === 0 ? 100 : Math.round((used * 1000) / limit) / 10,
    thresholds,
    crossed: thresholds.filter((t) => used * 100 >= t * limit),
    exhausted,
    ...(exhausted ? { exhaustedReason: marked ? (quota.exhaustedReason ?? 'the relay said this quota is exhausted') : fullReason({ window, limit, used }) } : {}),
    resetAt,
    projectedExhaustionAt: exhausted ? null : projectExhaustion({ window, limit, counted, usage: p.usage, now, creditsSetAt: quota.creditsSetAt ?? quota.createdAt }),
  };
}

/** Why a window is full by count, e.g. "daily limit 500 reached (500 used)". */
function fullReason(p: { window: QuotaWindow; limit: number; used: number }): string {
  if (p.limit === 0) return `${windowAdjective(p.window)} limit 0 blocks every send`;
  if (p.window === 'credits') return `credit balance ${p.limit} used up (${p.used} sent)`;
  return `${windowAdjective(p.window)} limit ${p.limit} reached (${p.used} used)`;
}
