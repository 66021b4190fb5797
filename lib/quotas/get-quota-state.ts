import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { getQuotaStates } from './get-quota-states.ts';
import type { QuotaStateView } from './get-quota-states.ts';

/**
 * One quota's state at `now` (default: the current time).
 * @throws AppError('not_found') for an unknown id.
 */
export async function getQuotaState(p: { id: string; now?: Date; db?: PrismaClient }): Promise<QuotaStateView> {
  const db = p.db ?? prisma;
  const row = await db.quota.findUnique({ where: { id: p.id }, select: { serverId: true } });
  const state = row ? (await getQuotaStates({ serverId: row.serverId, now: p.now, db })).find((s) => s.quotaId === p.id) : undefined;
  if (!state) throw new AppError('not_found', `no quota with id ${p.id}`);
  return state;
}
