import { z } from 'zod';
import { QUOTA_WINDOWS } from './quota-window.ts';

/** Warning thresholds: 1–10 whole percents from 1 to 100, ascending, each once. */
export const ZThresholds = z
  .array(z.number().int().min(1).max(100))
  .min(1)
  .max(10)
  .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]), { message: 'thresholds must be ascending and each given once, e.g. [80, 90, 100]' });

/**
 * Messages per window (for credits: the balance): a whole number from 0 (blocks every send) to 2,147,483,647.
 * Never null here: an unknown limit is only what recordQuotaReply creates from a reply that named none; the user
 * replaces it with a number (PATCH) and cannot set one back to unknown.
 */
const ZLimit = z.number().int().min(0).max(2_147_483_647);

/** POST /api/quotas body: `{ serverId, window, limit, thresholds? }` (thresholds default [80, 90, 100]). */
export const ZCreateQuota = z.object({
  serverId: z.string().min(1),
  window: z.enum(QUOTA_WINDOWS as [string, ...string[]], { message: `window must be one of ${QUOTA_WINDOWS.join(', ')}` }),
  limit: ZLimit,
  thresholds: ZThresholds.optional(),
}).strict();

/**
 * PATCH /api/quotas/:id body: `{ limit?, thresholds?, clearExhausted? }`. `clearExhausted: true` lifts a relay's
 * exhaustion mark (the user knows the provider reset it).
 */
export const ZUpdateQuota = z.object({
  limit: ZLimit.optional(),
  thresholds: ZThresholds.optional(),
  clearExhausted: z.literal(true).optional(),
}).strict();

/** GET /api/quotas query: `?serverId=`. */
export const ZQuotaQuery = z.object({ serverId: z.string().min(1).optional() });

/** GET /api/quotas/:id/history query: `?days=` 1–400 (default: 2 for hourly buckets, 90 for daily). */
export const ZHistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(400).optional() });

const FIVE_MINUTES_MS = 5 * 60_000;

/**
 * POST /api/usage body: `{ serverId, count (1–1,000,000), at? (ISO 8601 with offset; default now), clientKey
 * (1–200 characters, the idempotency key) }`. `at` more than 5 minutes in the future is refused by reportUsage.
 */
export const ZReportUsage = z.object({
  serverId: z.string().min(1),
  count: z.number().int().min(1).max(1_000_000),
  at: z.iso.datetime({ offset: true, message: 'at must be an ISO 8601 time, e.g. 2026-11-30T14:00:00Z' }).optional(),
  clientKey: z.string().min(1).max(200),
}).strict();

/** How far in the future a reported `at` may be (clock skew), in ms. */
export const MAX_FUTURE_MS = FIVE_MINUTES_MS;
