import type { SmtpClassification } from '../smtp/types.ts';
import { nextMonthStart } from './quota-window.ts';
import type { QuotaWindow } from './quota-window.ts';

/** How a quota reply marks a window: which one, until when, why, and the limit the reply named. */
export interface QuotaReplyMark {
  window: QuotaWindow;
  exhaustedUntil: Date;
  reason: string;
  limit?: number;
}

const WINDOW_OF_SCOPE: Partial<Record<string, QuotaWindow>> = { per_hour: 'hour', per_day: 'day', per_month: 'month' };

/**
 * The window a classified SMTP reply marks exhausted (case QUOTA-01), or null when it is not a quota:
 * only `category: quota_exhausted` with a per_hour, per_day or per_month scope marks a window. Throttles
 * (per_second, per_minute, per_connection, concurrency; outcome `throttled`, SMTP-08) never do.
 * `exhaustedUntil` from the reset hint: hour → now + 1 h and day → now + 24 h (rolling windows: Gmail and
 * Microsoft 365 count a rolling 24 h, MicrosoftDocs/OfficeDocs-Support#1150), month → the next 1st 00:00 UTC.
 * `reason` is the reply itself ("550 5.4.5 Daily user sending quota exceeded"); `limit` when the text gave it
 * ("over your relay quota of 500").
 */
export function quotaReplyMark(p: {
  classification: SmtpClassification;
  text: string;
  code?: number | null;
  enhancedCode?: string | null;
  now: Date;
}): QuotaReplyMark | null {
  const { classification, now } = p;
  if (classification.category !== 'quota_exhausted' || !classification.quota) return null;
  const window = WINDOW_OF_SCOPE[classification.quota.scope];
  if (!window) return null;
  const t = now.getTime();
  const exhaustedUntil = window === 'hour' ? new Date(t + 3_600_000) : window === 'day' ? new Date(t + 86_400_000) : nextMonthStart(now);
  const reason = [p.code ?? '', p.enhancedCode ?? '', p.text.trim()].filter((s) => s !== '').join(' ');
  return { window, exhaustedUntil, reason, ...(classification.quota.limit !== undefined ? { limit: classification.quota.limit } : {}) };
}
