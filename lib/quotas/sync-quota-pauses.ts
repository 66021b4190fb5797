import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { holdForQuota } from './hold-for-quota.ts';
import { QUOTA_PAUSE_PREFIX } from './quota-block.ts';

/**
 * Run holdForQuota for every server that has a quota or a quota pause, so pauses appear when a window fills
 * (also from API-reported usage) and lift when it frees. Called on every placement.schedule tick (each minute),
 * so a shown pause is at most one tick stale.
 * @returns each such server's pause reason afterwards.
 */
export async function syncQuotaPauses(p: { now?: Date; db?: PrismaClient } = {}): Promise<{ serverId: string; pausedReason: string | null }[]> {
  const db = p.db ?? prisma;
  const servers = await db.smtpServer.findMany({
    where: { OR: [{ quotas: { some: {} } }, { pausedReason: { startsWith: QUOTA_PAUSE_PREFIX } }] },
    select: { id: true },
  });
  const out: { serverId: string; pausedReason: string | null }[] = [];
  for (const s of servers) out.push({ serverId: s.id, pausedReason: (await holdForQuota({ serverId: s.id, now: p.now, db })).pausedReason });
  return out;
}
