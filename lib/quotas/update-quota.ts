import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { getQuotaState } from './get-quota-state.ts';
import type { QuotaStateView } from './get-quota-states.ts';
import { holdForQuota } from './hold-for-quota.ts';

/**
 * Change a quota's limit or thresholds, or lift a relay's exhaustion mark (`clearExhausted`). A limit replaces an
 * unknown one (null, from a relay's reply) too. A new limit on a
 * credits quota is a new balance counted from now (creditsSetAt = now). The server's quota pause follows at once.
 * @returns the quota's state.
 * @throws AppError('not_found') for an unknown id.
 */
export async function updateQuota(p: {
  id: string;
  patch: { limit?: number; thresholds?: number[]; clearExhausted?: true };
  now?: Date;
  db?: PrismaClient;
}): Promise<QuotaStateView> {
  const db = p.db ?? prisma;
  const now = p.now ?? new Date();
  const quota = await db.quota.findUnique({ where: { id: p.id } });
  if (!quota) throw new AppError('not_found', `no quota with id ${p.id}`);
  const { limit, thresholds, clearExhausted } = p.patch;
  await db.quota.update({
    where: { id: quota.id },
    data: {
      ...(limit !== undefined ? { limit, ...(quota.window === 'credits' ? { creditsSetAt: now } : {}) } : {}),
      ...(thresholds ? { thresholds: JSON.stringify(thresholds) } : {}),
      ...(clearExhausted ? { exhaustedAt: null, exhaustedUntil: null, exhaustedReason: null } : {}),
    },
  });
  await holdForQuota({ serverId: quota.serverId, now, db });
  return getQuotaState({ id: quota.id, now, db });
}
