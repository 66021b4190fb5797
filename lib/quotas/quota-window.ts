/** The windows a quota can count in (design §7; Quota.window). */
export type QuotaWindow = 'minute' | 'hour' | 'day' | 'month' | 'credits';

export const QUOTA_WINDOWS: readonly QuotaWindow[] = ['minute', 'hour', 'day', 'month', 'credits'];

/** Length in ms of the rolling windows: minute 60 s, hour 60 min, day 24 h (a rolling day, not a calendar day). */
export const ROLLING_MS: Readonly<Record<'minute' | 'hour' | 'day', number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** True for the rolling windows (minute, hour, day), whose counted sends leave one by one. */
export function isRolling(window: QuotaWindow): window is 'minute' | 'hour' | 'day' {
  return window === 'minute' || window === 'hour' || window === 'day';
}

/** The first instant of the calendar month after `now`'s, in UTC (Dec → Jan of the next year). */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/**
 * The span a quota counts at `now`, and when it resets.
 * - minute / hour / day: rolling; the window is the half-open interval (now − length, now], so a send exactly
 *   24 h old no longer counts in a day window. `resetAt` = now + length: by then every send counted now has left
 *   (computeQuotaState refines it from the counted sends).
 * - month: the calendar month in UTC, [1st 00:00 UTC, next 1st 00:00 UTC); `resetAt` = the next 1st 00:00 UTC.
 * - credits: a balance granted at `creditsSetAt` that sends deduct, [creditsSetAt, ∞); `resetAt` = null (no reset;
 *   the epoch when creditsSetAt is missing).
 */
export function windowBounds(p: { window: QuotaWindow; now: Date; creditsSetAt?: Date | null }): { start: Date; resetAt: Date | null } {
  const { window, now } = p;
  if (isRolling(window)) {
    const length = ROLLING_MS[window];
    return { start: new Date(now.getTime() - length), resetAt: new Date(now.getTime() + length) };
  }
  if (window === 'month') return { start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), resetAt: nextMonthStart(now) };
  return { start: p.creditsSetAt ?? new Date(0), resetAt: null };
}

/**
 * Whether a send at `at` counts in the window `windowBounds` gave: rolling windows exclude their start (a send
 * exactly one length old has left), month and credits include it; month excludes the next month.
 */
export function countsIn(p: { window: QuotaWindow; at: Date; start: Date; resetAt: Date | null }): boolean {
  const t = p.at.getTime();
  if (isRolling(p.window)) return t > p.start.getTime();
  if (p.window === 'month') return t >= p.start.getTime() && t < (p.resetAt as Date).getTime();
  return t >= p.start.getTime();
}

/** The window's name in a sentence: "per-minute", "hourly", "daily", "monthly", "credit". */
export function windowAdjective(window: QuotaWindow): string {
  return { minute: 'per-minute', hour: 'hourly', day: 'daily', month: 'monthly', credits: 'credit' }[window];
}

/**
 * "2026-11-30 14:00 UTC": a reset time in the words of a pause reason, rounded up to the minute (never earlier
 * than the real reset).
 */
export function formatUtcMinute(at: Date): string {
  const up = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  return `${up.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
