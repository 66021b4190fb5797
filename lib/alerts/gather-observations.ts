import type { AlertRule, PrismaClient } from '../generated/prisma/client.ts';
import type { ResolverHealth } from '../dnsbl/types.ts';
import { logger } from '../logger.ts';
import type { Observation } from './alert-types.ts';
import { gatherResolverCondition, gatherZoneConditions } from './gather-dnsbl-conditions.ts';
import { gatherJobConditions } from './gather-job-conditions.ts';
import { gatherListingConditions } from './gather-listing-conditions.ts';
import { gatherInboxRateConditions, gatherMailboxConditions, gatherSeedMissingConditions, gatherServerConditions } from './gather-placement-conditions.ts';
import { gatherQuotaConditions } from './gather-quota-conditions.ts';
import { gatherReputationConditions } from './gather-reputation-conditions.ts';
import { parseRuleParams } from './rule-kinds.ts';
import type { RuleKind } from './rule-kinds.ts';

/**
 * Observe the condition of every enabled rule kind (listings, zone and resolver health, placement, quotas via
 * getQuotaStates, reputation via latestScores, job runs). Each source is observed on its own: one that fails is
 * logged and left out (its incidents stay as they are), never failing the others. `resolver`: the health of the
 * sweep that just ran (its JobRun is not finished yet).
 */
export async function gatherObservations(p: { db: PrismaClient; rules: AlertRule[]; now: Date; resolver?: ResolverHealth }): Promise<Observation[]> {
  const { db, now } = p;
  const enabled = new Map(p.rules.filter((r) => r.enabled).map((r) => [r.kind as RuleKind, r]));
  const params = <K extends RuleKind>(kind: K) => parseRuleParams(kind, JSON.parse(enabled.get(kind)?.params ?? '{}'));
  const sources: [RuleKind[], () => Promise<Observation | Observation[] | null>][] = [
    [['listing_new'], () => gatherListingConditions({ db, params: params('listing_new') })],
    [['zone_unhealthy'], () => gatherZoneConditions({ db, params: params('zone_unhealthy') })],
    [['resolver_blocked'], () => gatherResolverCondition({ db, resolver: p.resolver })],
    [['placement_inbox_rate'], () => gatherInboxRateConditions({ db, params: params('placement_inbox_rate'), now })],
    [['seed_missing'], () => gatherSeedMissingConditions({ db })],
    [['server_unreachable'], () => gatherServerConditions({ db })],
    [['mailbox_unreachable'], () => gatherMailboxConditions({ db })],
    [['job_failed'], () => gatherJobConditions({ db })],
    [['quota_threshold', 'quota_exhausted'], () => gatherQuotaConditions({ db, now })],
    [['reputation_below'], () => gatherReputationConditions({ db, params: params('reputation_below') })],
  ];
  const observations: Observation[] = [];
  for (const [kinds, gather] of sources) {
    if (!kinds.some((k) => enabled.has(k))) continue;
    try {
      const result = await gather();
      if (result) observations.push(...(Array.isArray(result) ? result : [result]));
    } catch (err) {
      logger.warn({ kinds, err }, 'alert conditions could not be observed; their incidents are kept as they are');
    }
  }
  return observations;
}
