import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { getQuotaState } from './get-quota-state.ts';
import type { QuotaStateView } from './get-quota-states.ts';
import { holdForQuota } from './hold-for-quota.ts';
import { DEFAULT_THRESHOLDS } from './quota-usage.ts';
import { windowAdjective } from './quota-window.ts';
import type { QuotaWindow } from './quota-window.ts';

/**
 * Add a quota to a server: one per (server, window). A credits quota's balance counts from now (creditsSetAt).
 * The server's quota pause is brought up to date at once (holdForQuota).
 * @returns the new quota's state.
 * @throws AppError('not_found') for an unknown server; AppError('conflict') when the server has that window already.
 */
export async function createQuota(p: { serverId: string; window: QuotaWindow; limit: number; thresholds?: number[]; now?: Date; db?: PrismaClient }): Promise<QuotaStateView> {
  const db = p.db ?? prisma;
  const now = p.now ?? new Date();
  const server = await db.smtpServer.findUnique({ where: { id: p.serverId }, select: { id: true, name: true } });
  if (!server) throw new AppError('not_found', `no SMTP server with id ${p.serverId}`);
  const taken = await db.quota.findUnique({ where: { serverId_window: { serverId: server.id, window: p.window } }, select: { id: true } });
  if (taken) throw new AppError('conflict', `"${server.name}" has a ${windowAdjective(p.window)} quota already; edit it instead`);
  const quota = await db.quota.create({
    data: {
      serverId: server.id,
      window: p.window,
      limit: p.limit,
      thresholds: JSON.stringify(p.thresholds ?? DEFAULT_THRESHOLDS),
      creditsSetAt: p.window === 'credits' ? now : null,
      createdAt: now,
    },
  });
  await holdForQuota({ serverId: server.id, now, db });
  return getQuotaState({ id: quota.id, now, db });
}
