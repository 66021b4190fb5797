import type { PrismaClient, Quota } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import type { UsagePoint } from './quota-usage.ts';
import { windowBounds } from './quota-window.ts';
import type { QuotaWindow } from './quota-window.ts';

const HOUR_MS = 3_600_000;

/**
 * The quotas of one server (or of every server) with their server's name, and each server's sends (UsageEvent
 * rows) from the earliest instant any of its windows counts, or the last hour for the rate, whichever is earlier.
 * @returns quotas ordered by server name then window; `usage` keyed by server id, oldest first.
 */
export async function loadQuotaInputs(p: { serverId?: string; now: Date; db?: PrismaClient }): Promise<{
  quotas: (Quota & { server: { name: string } })[];
  usage: Map<string, UsagePoint[]>;
}> {
  const db = p.db ?? prisma;
  const quotas = await db.quota.findMany({
    where: p.serverId ? { serverId: p.serverId } : {},
    include: { server: { select: { name: true } } },
    orderBy: [{ server: { name: 'asc' } }, { serverId: 'asc' }, { createdAt: 'asc' }],
  });
  const since = new Map<string, number>();
  for (const q of quotas) {
    const { start } = windowBounds({ window: q.window as QuotaWindow, now: p.now, creditsSetAt: q.creditsSetAt ?? q.createdAt });
    const from = Math.min(start.getTime(), p.now.getTime() - HOUR_MS);
    since.set(q.serverId, Math.min(since.get(q.serverId) ?? Infinity, from));
  }
  const usage = new Map<string, UsagePoint[]>();
  for (const [serverId, from] of since) {
    const rows = await db.usageEvent.findMany({ where: { serverId, at: { gte: new Date(from) } }, select: { at: true, count: true }, orderBy: { at: 'asc' } });
    usage.set(serverId, rows);
  }
  return { quotas, usage };
}
