import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import type { SmtpClassification } from '../smtp/types.ts';
import { holdForQuota } from './hold-for-quota.ts';
import { quotaReplyMark } from './quota-reply-mark.ts';
import { countedUsage } from './quota-usage.ts';

/**
 * Mark a server's window exhausted after an SMTP reply that says its sending quota is used up (case QUOTA-01;
 * window and end from quotaReplyMark). The quota row for that window gets exhaustedAt = now, exhaustedUntil and
 * the reply as exhaustedReason; the user's limit is kept. When the server has no quota for that window, one is
 * created with the limit the reply named, or else the sends counted in that window so far (what the relay
 * allowed before refusing; edit it on the Quotas page). Then the server's quota pause is updated (holdForQuota).
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
  const existing = await db.quota.findUnique({ where: { serverId_window: { serverId: p.serverId, window: mark.window } } });
  let limit = existing?.limit ?? mark.limit;
  if (limit === undefined) {
    const usage = await db.usageEvent.findMany({ where: { serverId: p.serverId, at: { gte: new Date(now.getTime() - 32 * 86_400_000) } }, select: { at: true, count: true } });
    const probe = { id: '', serverId: p.serverId, window: mark.window, limit: 0, thresholds: '[]', creditsSetAt: null, exhaustedUntil: null, exhaustedReason: null, createdAt: now };
    limit = countedUsage({ quota: probe, usage, now }).reduce((n, u) => n + u.count, 0);
  }
  const data = { exhaustedAt: now, exhaustedUntil: mark.exhaustedUntil, exhaustedReason: mark.reason };
  const quota = await db.quota.upsert({
    where: { serverId_window: { serverId: p.serverId, window: mark.window } },
    update: data,
    create: { serverId: p.serverId, window: mark.window, limit, ...data },
  });
  logger.warn({ serverId: p.serverId, window: mark.window, exhaustedUntil: mark.exhaustedUntil, reply: mark.reason }, 'relay says the sending quota is exhausted');
  await holdForQuota({ serverId: p.serverId, now, db });
  return { quotaId: quota.id, window: quota.window, exhaustedUntil: mark.exhaustedUntil };
}
