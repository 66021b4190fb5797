import type { PrismaClient } from '../generated/prisma/client.ts';
import { loadQuotaInputs } from './load-quota-inputs.ts';
import { quotaBlock } from './quota-block.ts';
import type { SendDecision } from './quota-block.ts';

/**
 * Whether one server may send `messages` more messages now without passing any of its quotas (design §7: the
 * placement scheduler never sends past a quota). A server without quotas may always send.
 * @returns `{ ok: true }`, or `{ ok: false, reason, resetAt }` with a reason such as
 *   "quota: daily limit 500 reached, resets 2026-11-30 14:00 UTC" (see quotaBlock); resetAt null = not by itself.
 */
export async function canSend(p: { serverId: string; messages: number; now?: Date; db?: PrismaClient }): Promise<SendDecision> {
  const now = p.now ?? new Date();
  const { quotas, usage } = await loadQuotaInputs({ serverId: p.serverId, now, db: p.db });
  if (quotas.length === 0) return { ok: true };
  return quotaBlock({ quotas, usage: usage.get(p.serverId) ?? [], now, messages: p.messages });
}
