import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** Where a usage count came from (design §4): a seed send, an API report, a log import or a relay report. */
export type UsageSource = 'seed' | 'api' | 'log' | 'relay';

/**
 * Record that `count` messages went out through a server at `at` (design §7: quota usage counts the seed sends).
 * `clientKey` makes an API report idempotent: a second report with the same key is ignored.
 * @returns true when a row was written, false when `clientKey` was already recorded.
 */
export async function recordUsageEvent(params: {
  serverId: string;
  at: Date;
  count: number;
  source: UsageSource;
  clientKey?: string;
  db?: PrismaClient;
}): Promise<boolean> {
  const db = params.db ?? prisma;
  if (params.clientKey) {
    const seen = await db.usageEvent.findUnique({ where: { clientKey: params.clientKey }, select: { id: true } });
    if (seen) return false;
  }
  await db.usageEvent.create({
    data: { serverId: params.serverId, at: params.at, count: params.count, source: params.source, clientKey: params.clientKey ?? null },
  });
  return true;
}
