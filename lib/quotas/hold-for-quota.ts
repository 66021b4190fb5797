import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { canSend } from './can-send.ts';
import { QUOTA_PAUSE_PREFIX } from './quota-block.ts';
import type { SendDecision } from './quota-block.ts';

/**
 * Keep a server's quota pause in step with its quotas (design §7: a paused server shows why): when it may not
 * send `messages` (default: its next placement test, one per enabled seed mailbox, at least 1), set
 * SmtpServer.pausedReason to canSend's reason ("quota: daily limit 500 reached, resets 2026-11-30 14:00 UTC");
 * when it may, clear a reason that starts with "quota: ". A pause the user set (any other reason) is never
 * changed. An unknown server is a no-op.
 * @returns the server's pause reason afterwards (null when not paused) and canSend's decision.
 */
export async function holdForQuota(p: { serverId: string; messages?: number; now?: Date; db?: PrismaClient }): Promise<{
  pausedReason: string | null;
  decision: SendDecision;
}> {
  const db = p.db ?? prisma;
  const server = await db.smtpServer.findUnique({ where: { id: p.serverId }, select: { id: true, pausedReason: true } });
  if (!server) return { pausedReason: null, decision: { ok: true } };
  const messages = p.messages ?? Math.max(1, await db.seedMailbox.count({ where: { enabled: true } }));
  const decision = await canSend({ serverId: server.id, messages, now: p.now, db });
  const ours = server.pausedReason === null || server.pausedReason.startsWith(QUOTA_PAUSE_PREFIX);
  let next = server.pausedReason;
  if (ours) next = decision.ok ? null : decision.reason;
  if (next !== server.pausedReason) {
    await db.smtpServer.update({ where: { id: server.id }, data: { pausedReason: next } });
    logger.info({ serverId: server.id, pausedReason: next }, next ? 'server paused by a quota' : 'quota pause lifted');
  }
  return { pausedReason: next, decision };
}
