import type { PrismaClient, UsageEvent } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { holdForQuota } from './hold-for-quota.ts';
import { MAX_FUTURE_MS } from './quota-input.ts';

/** A usage event as POST /api/usage answers it. */
export type UsageEventView = Pick<UsageEvent, 'id' | 'serverId' | 'count' | 'at' | 'source' | 'clientKey' | 'createdAt'>;

const VIEW = { id: true, serverId: true, count: true, at: true, source: true, clientKey: true, createdAt: true } as const;

/**
 * Record messages sent outside Inboxwatch through a server (POST /api/usage, source `api`), idempotent by
 * `clientKey` (UsageEvent.clientKey is unique): a key seen before adds nothing and returns the first event, even
 * when two reports race. `at` defaults to now. The server's quota pause follows at once.
 * @returns `{ created, event }`; created false when the key was seen.
 * @throws AppError('not_found') for an unknown server (a new key only); AppError('invalid_input') when `at` is
 *   more than 5 minutes in the future.
 */
export async function reportUsage(p: { serverId: string; count: number; at?: Date; clientKey: string; now?: Date; db?: PrismaClient }): Promise<{ created: boolean; event: UsageEventView }> {
  const db = p.db ?? prisma;
  const now = p.now ?? new Date();
  const seen = await db.usageEvent.findUnique({ where: { clientKey: p.clientKey }, select: VIEW });
  if (seen) return { created: false, event: seen };
  const at = p.at ?? now;
  if (at.getTime() > now.getTime() + MAX_FUTURE_MS) throw new AppError('invalid_input', `at: ${at.toISOString()} is more than 5 minutes in the future`);
  const server = await db.smtpServer.findUnique({ where: { id: p.serverId }, select: { id: true } });
  if (!server) throw new AppError('not_found', `no SMTP server with id ${p.serverId}`);
  try {
    const event = await db.usageEvent.create({ data: { serverId: server.id, count: p.count, at, source: 'api', clientKey: p.clientKey }, select: VIEW });
    await holdForQuota({ serverId: server.id, now, db });
    return { created: true, event };
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    return { created: false, event: await db.usageEvent.findUniqueOrThrow({ where: { clientKey: p.clientKey }, select: VIEW }) };
  }
}
