import type { UsagePoint } from './quota-usage.ts';
import { isRolling, ROLLING_MS, windowBounds } from './quota-window.ts';
import type { QuotaWindow } from './quota-window.ts';

const HOUR_MS = 3_600_000;

/**
 * When a quota would be exhausted if sending went on at the current rate, or null when it is not on course to be.
 * The rate (messages per ms): rolling windows → the sends of the last min(window length, 1 h) over that span
 * (minute: the last minute; hour and day: the last hour); month → the month so far; credits → since
 * `creditsSetAt` (both divided by at least one hour, so the first minutes of a month do not project a burst).
 * Rolling windows let counted sends leave at send time + length, so a steady rate is on course only when the
 * sends still counted plus the new ones reach the limit before enough old ones leave (exact piecewise-linear
 * walk over the departures; null when rate × length stays under the limit). A month must reach the limit before
 * its end; credits at any time. `counted` are the sends counted now (oldest first); `usage` all known sends.
 */
export function projectExhaustion(p: {
  window: QuotaWindow;
  limit: number;
  counted: UsagePoint[];
  usage: UsagePoint[];
  now: Date;
  creditsSetAt: Date;
}): Date | null {
  const { window, limit, counted, now } = p;
  const t0 = now.getTime();
  const rate = currentRate(p);
  if (rate <= 0 || limit <= 0) return null;
  let inWindow = counted.reduce((n, u) => n + u.count, 0);
  if (inWindow >= limit) return null;
  if (!isRolling(window)) {
    const at = t0 + (limit - inWindow) / rate;
    const end = window === 'month' ? (windowBounds({ window, now }).resetAt as Date).getTime() : Infinity;
    return at < end ? new Date(Math.ceil(at)) : null;
  }
  const length = ROLLING_MS[window];
  for (const u of counted) {
    const leaves = u.at.getTime() + length;
    const at = t0 + (limit - inWindow) / rate;
    if (at < leaves) return new Date(Math.ceil(at));
    inWindow -= u.count;
  }
  const at = t0 + (limit - inWindow) / rate;
  return at <= t0 + length ? new Date(Math.ceil(at)) : null;
}

/** Messages per ms at `now` by the rule above. */
function currentRate(p: { window: QuotaWindow; usage: UsagePoint[]; now: Date; creditsSetAt: Date }): number {
  const t0 = p.now.getTime();
  let from: number;
  let span: number;
  if (isRolling(p.window)) {
    span = Math.min(ROLLING_MS[p.window], HOUR_MS);
    from = t0 - span;
  } else {
    from = (p.window === 'month' ? windowBounds({ window: 'month', now: p.now }).start : p.creditsSetAt).getTime();
    span = Math.max(t0 - from, HOUR_MS);
  }
  const sent = p.usage.reduce((n, u) => {
    const t = u.at.getTime();
    return (isRolling(p.window) ? t > from : t >= from) && t <= t0 ? n + u.count : n;
  }, 0);
  return sent / span;
}
