import type { CheckResult, ZoneHealth } from '../../../lib/dnsbl/types.ts';
import type { runSweep, SweepResult, SweepTarget } from '../../../lib/dnsbl/run-sweep.ts';
import { zoneAppliesTo } from '../../../lib/dnsbl/zone-catalog.ts';

/** What the fake engine answers for a (target, zone): a verdict with codes/meanings/txt or an error reason. */
export type Answer = Pick<CheckResult, 'verdict' | 'reason' | 'codes' | 'meanings' | 'txt' | 'detail'>;

export const LISTED = (code = '127.0.0.2', meaning = 'Direct spam source', txt = 'Listed: see https://bl.test/lookup'): Answer => ({
  verdict: 'listed',
  codes: [code],
  meanings: [meaning],
  txt,
});
export const CLEAN: Answer = { verdict: 'not_listed', codes: [], meanings: [] };
export const TIMEOUT: Answer = { verdict: 'error', reason: 'timeout', codes: [], meanings: [] };

/**
 * A stand-in for runSweep at the engine boundary: answers from `answer(target, zone)`, honours key types,
 * `budget.take` (one per query), `unhealthy` zones (zone_unhealthy for every target, as the engine does), and
 * records which results were offered for confirmation.
 */
export function fakeEngine(params: {
  answer: (target: string, zone: string) => Answer;
  unhealthy?: string[];
}): { runSweep: typeof runSweep; confirmed: string[] } {
  const confirmed: string[] = [];
  const fake: typeof runSweep = async (p) => {
    const counts = { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
    let queries = 0;
    const health: ZoneHealth[] = p.zones.map((z) => ({
      zone: z.zone,
      healthy: !params.unhealthy?.includes(z.zone),
      ...(params.unhealthy?.includes(z.zone) ? { reason: 'positive test point 127.0.0.2 not listed (NXDOMAIN)', positiveFailed: true } : {}),
      checkedAt: new Date(),
    }));
    for await (const t of p.targets as AsyncIterable<SweepTarget>) {
      for (const zone of p.zones) {
        const base = { target: t.value, zone: zone.zone, key: t.key };
        let r: SweepResult;
        if (!zoneAppliesTo(zone, t.keyType)) r = { ...base, verdict: 'not_applicable', codes: [], meanings: [] };
        else if (params.unhealthy?.includes(zone.zone)) {
          r = { ...base, verdict: 'error', reason: 'zone_unhealthy', codes: [], meanings: [], detail: 'positive test point 127.0.0.2 not listed (NXDOMAIN)' };
        } else if (p.budget && !p.budget.take(zone.zone, 1)) {
          r = { ...base, verdict: 'error', reason: 'budget_exhausted', codes: [], meanings: [] };
        } else {
          queries++;
          r = { ...base, ...params.answer(t.value, zone.zone) };
          if (r.verdict === 'listed' && (p.needsConfirmation?.(r) ?? true)) {
            confirmed.push(`${t.value} ${zone.zone}`);
            queries++;
            r.confirmed = true;
          }
        }
        if (r.verdict === 'listed') counts.listed++;
        else if (r.verdict === 'not_listed') counts.notListed++;
        else if (r.verdict === 'error') counts.errors++;
        else counts.notApplicable++;
        await p.onResult(r);
      }
    }
    p.onProgress?.({ done: queries, total: p.expectedQueries ?? null });
    return {
      zoneHealth: health,
      resolver: { status: 'ok', isPublic: false, servers: ['127.0.0.1:53'] },
      queries,
      counts,
      durationMs: 1,
    };
  };
  return { runSweep: fake, confirmed };
}

/** A DNS client the fake engine never uses (sweepAssets must not create a real one in these tests). */
export const NO_CLIENT = { servers: ['127.0.0.1:53'], resolveA: async () => ({ kind: 'timeout' as const }), resolveTxt: async () => ({ outcome: { kind: 'timeout' as const }, texts: [] }), close: async () => {} };
