import type { PrismaClient } from '../generated/prisma/client.ts';
import { latestScores } from '../reputation/latest-scores.ts';
import type { Observation } from './alert-types.ts';
import type { RuleParams } from './rule-kinds.ts';

/**
 * reputation_below: every subject (IP, domain, SMTP server) whose latest reputation score (lib/reputation
 * latestScores, 0–100) is below `threshold`, with its three largest negative factors.
 */
export async function gatherReputationConditions(p: { db: PrismaClient; params: RuleParams['reputation_below'] }): Promise<Observation> {
  const scores = await latestScores({ db: p.db });
  return {
    kind: 'reputation_below',
    active: scores
      .filter((s) => s.score < p.params.threshold)
      .map((s) => ({
        kind: 'reputation_below' as const,
        subjectType: s.subjectType,
        subjectId: s.subjectId,
        subjectLabel: s.subjectLabel,
        title: `Reputation of ${s.subjectLabel} is ${Math.round(s.score)} (below ${p.params.threshold})`,
        detail: {
          score: s.score,
          threshold: p.params.threshold,
          factors: [...s.factors].sort((a, b) => a.contribution - b.contribution).slice(0, 3),
          at: s.at.toISOString(),
        },
      })),
    monitored: scores.map((s) => `${s.subjectType}:${s.subjectId}`),
  };
}
