import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import type { SmtpClassification } from '../smtp/types.ts';
import { holdForQuota } from './hold-for-quota.ts';
import { quotaReplyMark } from './quota-reply-mark.ts';

/**
 * Mark a server's window exhausted after an SMTP reply that says its sending quota is used up (case QUOTA-01;
 * window and end from quotaReplyMark). The quota row for that window gets exhaustedAt = now, exhaustedUntil and
 * the reply as exhaustedReason; the user's limit is kept (an unknown one takes the limit the reply named). When
 * the server has no quota for that window, one is created with the limit the reply named, or else with the limit
 * unknown (null): that window then blocks only until exhaustedUntil and frees by itself (the user can set the
 * limit on the Quotas page). Then the server's quota pause is updated (holdForQuota).
 * A reply that is not a quota (a throttle, a recipient failure) changes nothing.
 * @returns the marked quota's id and window, or null when nothing was marked. Throws only on database failures.
 */
export async function recordQuotaReply(p: {
  serverId: string;
  classification: SmtpClassification;
  text: string;
  code?: number | null;
  enhancedCode?: string | null;
  now?: Date;
  db?: PrismaClient;
}): Promise<{ quotaId: string; window: string; exhaustedUntil: Date } | null> {
  const db = p.db ?? prisma;
  const now = p.now ?? new Date();
  const mark = quotaReplyMark({ ...p, now });
  if (!mark) return null;
  const where = { serverId_window: { serverId: p.serverId, window: mark.window } };
  const existing = await db.quota.findUnique({ where, select: { limit: true } });
  const named = mark.limit ?? null;
  const data = { exhaustedAt: now, exhaustedUntil: mark.exhaustedUntil, exhaustedReason: mark.reason };
  const quota = await db.quota.upsert({
    where,
    update: { ...data, ...(existing?.limit === null && named !== null ? { limit: named } : {}) },
    create: { serverId: p.serverId, window: mark.window, limit: named, ...data },
  });
  logger.warn({ serverId: p.serverId, window: mark.window, exhaustedUntil: mark.exhaustedUntil, reply: mark.reason }, 'relay says the sending quota is exhausted');
  await holdForQuota({ serverId: p.serverId, now, db });
  return { quotaId: quota.id, window: quota.window, exhaustedUntil: mark.exhaustedUntil };
}
