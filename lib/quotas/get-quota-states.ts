import type { PrismaClient } from '../generated/prisma/client.ts';
import { loadQuotaInputs } from './load-quota-inputs.ts';
import { computeQuotaState } from './quota-usage.ts';
import type { QuotaState } from './quota-usage.ts';

/** A QuotaState with what the Quotas page shows beside it: the server's name and the relay mark's times. */
export interface QuotaStateView extends QuotaState {
  serverName: string;
  creditsSetAt: Date | null;
  exhaustedAt: Date | null;
  exhaustedUntil: Date | null;
}

/**
 * The state of every quota (of one server when `serverId` is given) at `now` (default: the current time), by
 * server name then window creation order (GET /api/quotas; the alerts' quota_threshold and quota_exhausted rules).
 */
export async function getQuotaStates(p: { serverId?: string; now?: Date; db?: PrismaClient } = {}): Promise<QuotaStateView[]> {
  const now = p.now ?? new Date();
  const { quotas, usage } = await loadQuotaInputs({ serverId: p.serverId, now, db: p.db });
  return quotas.map((quota) => ({
    ...computeQuotaState({ quota, usage: usage.get(quota.serverId) ?? [], now }),
    serverName: quota.server.name,
    creditsSetAt: quota.window === 'credits' ? (quota.creditsSetAt ?? quota.createdAt) : null,
    exhaustedAt: quota.exhaustedAt,
    exhaustedUntil: quota.exhaustedUntil,
  }));
}
