import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { usageBuckets } from './usage-buckets.ts';
import type { UsageHistory } from './usage-buckets.ts';

/**
 * A quota server's sends per UTC hour (minute, hour and day windows; default the last 2 days) or per UTC day
 * (month and credits; default the last 90 days), for the Quotas page chart (GET /api/quotas/:id/history).
 * @throws AppError('not_found') for an unknown id.
 */
export async function quotaHistory(p: { id: string; days?: number; now?: Date; db?: PrismaClient }): Promise<UsageHistory & { quotaId: string; window: string }> {
  const db = p.db ?? prisma;
  const now = p.now ?? new Date();
  const quota = await db.quota.findUnique({ where: { id: p.id }, select: { id: true, serverId: true, window: true } });
  if (!quota) throw new AppError('not_found', `no quota with id ${p.id}`);
  const bucket = quota.window === 'month' || quota.window === 'credits' ? 'day' : 'hour';
  const days = p.days ?? (bucket === 'hour' ? 2 : 90);
  const from = new Date(now.getTime() - days * 86_400_000);
  const usage = await db.usageEvent.findMany({ where: { serverId: quota.serverId, at: { gte: from, lte: now } }, select: { at: true, count: true } });
  return { quotaId: quota.id, window: quota.window, ...usageBuckets({ usage, bucket, from, to: now }) };
}
