import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { holdForQuota } from './hold-for-quota.ts';

/**
 * Remove a quota; the server's quota pause follows at once (lifted when no other quota blocks).
 * @throws AppError('not_found') for an unknown id.
 */
export async function deleteQuota(p: { id: string; now?: Date; db?: PrismaClient }): Promise<void> {
  const db = p.db ?? prisma;
  const quota = await db.quota.findUnique({ where: { id: p.id }, select: { serverId: true } });
  if (!quota) throw new AppError('not_found', `no quota with id ${p.id}`);
  await db.quota.delete({ where: { id: p.id } });
  await holdForQuota({ serverId: quota.serverId, now: p.now, db });
}
