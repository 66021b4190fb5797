import type { PrismaClient } from '../generated/prisma/client.ts';
import { getQuotaStates } from '../quotas/get-quota-states.ts';
import type { Condition, Observation } from './alert-types.ts';

/**
 * quota_threshold and quota_exhausted from getQuotaStates (lib/quotas, design §7):
 * - quota_threshold: one subject per (quota, threshold) in QuotaState.crossed, so each threshold notifies once
 *   while the window stays above it (a new month, or a rolling window falling below, resolves it silently);
 * - quota_exhausted: QuotaState.exhausted (usage at the limit, or a relay reply said so: QUOTA-01), with the reason
 *   and the reset time.
 */
export async function gatherQuotaConditions(p: { db: PrismaClient; now: Date }): Promise<Observation[]> {
  const states = await getQuotaStates({ now: p.now, db: p.db });
  const thresholds: Condition[] = [];
  const exhausted: Condition[] = [];
  for (const s of states) {
    const label = `${s.serverName} ${s.window} quota`;
    const figures = { serverId: s.serverId, window: s.window, used: s.used, limit: s.limit, percent: s.percent, resetAt: s.resetAt?.toISOString() ?? null };
    for (const t of s.crossed) {
      thresholds.push({
        kind: 'quota_threshold',
        subjectType: 'quota',
        subjectId: `${s.quotaId}@${t}`,
        subjectLabel: `${label} ${t} %`,
        title: `${label} crossed ${t} %: ${s.used} of ${s.limit} used (${s.percent} %)`,
        detail: { ...figures, threshold: t },
      });
    }
    if (s.exhausted) {
      exhausted.push({
        kind: 'quota_exhausted',
        subjectType: 'quota',
        subjectId: s.quotaId,
        subjectLabel: label,
        title: `${label} exhausted${s.exhaustedReason ? `: ${s.exhaustedReason}` : ''}`,
        detail: { ...figures, reason: s.exhaustedReason ?? null },
      });
    }
  }
  return [
    { kind: 'quota_threshold', active: thresholds },
    { kind: 'quota_exhausted', active: exhausted, monitored: states.map((s) => `quota:${s.quotaId}`) },
  ];
}
