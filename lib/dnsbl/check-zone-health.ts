import type { DnsOutcome, KeyType, ZoneDefinition } from './types.ts';
import { queryName } from './query-name.ts';
import { classifyAnswer } from './classify-answer.ts';
import { describeOutcome, isLoopbackAnswer } from './describe-outcome.ts';

/** Health of one zone for one key type in one sweep. */
export interface ZoneKeyHealth {
  zone: string;
  keyType: KeyType;
  healthy: boolean;
  /** Why it is unhealthy, in words naming the test point and what came back. */
  reason?: string;
  /** An answer fell outside 127.0.0.0/8 (the resolver rewrites answers; BL-06, BL-08). */
  outsideLoopback?: boolean;
  /** The positive test point was not listed (counts toward "resolver blocked"). */
  positiveFailed?: boolean;
  /** Every test-point query timed out or was refused (counts toward "resolver unreachable"). */
  noAnswer?: boolean;
  /** The budget refused the probes: nothing was asked, targets get `budget_exhausted`. */
  budgetExhausted?: boolean;
  /** Test-point queries sent. */
  queries: number;
}

/** Sends one A query; `null` when the query budget refused it (nothing was sent). */
export type ProbeLookup = (name: string) => Promise<DnsOutcome | null>;

/**
 * Queries a zone's RFC 5782 §5 test points for one key type and judges the zone (RFC 5782 §7, cases BL-06, BL-08,
 * BL-09):
 * - the `listed` test point must answer a 127/8 code (one the zone defines, or any other that is not an error
 *   code); NXDOMAIN/NODATA, timeout, SERVFAIL, REFUSED or a documented error code (e.g. Spamhaus 127.255.255.254,
 *   open resolver) fail it;
 * - the `unlisted` test point must be NXDOMAIN or NODATA; an answer means the zone lists everything (wildcard);
 * - any answer outside 127.0.0.0/8 fails the zone and sets `outsideLoopback`;
 * - `noAnswer` when every test-point query timed out or was REFUSED (the resolver may be down or refusing us).
 * A test point the catalog leaves out (the operator documents none) is not asked. Never throws for DNS outcomes;
 * rejects only when `lookup` rejects (abort).
 */
export async function checkZoneHealth(params: { zone: ZoneDefinition; keyType: KeyType; lookup: ProbeLookup }): Promise<ZoneKeyHealth> {
  const { zone, keyType, lookup } = params;
  const points = zone.testPoints[keyType] ?? {};
  const ask = (target: string | undefined) =>
    target === undefined ? Promise.resolve(undefined) : lookup(queryName({ target, keyType, zone: zone.zone }));
  const [positive, negative] = await Promise.all([ask(points.listed), ask(points.unlisted)]);
  const queries = (points.listed !== undefined ? 1 : 0) + (points.unlisted !== undefined ? 1 : 0);
  const base = { zone: zone.zone, keyType, queries };
  if (positive === null || negative === null) {
    return { ...base, healthy: false, budgetExhausted: true, reason: 'daily query budget exhausted before the test points were asked' };
  }
  const problems: string[] = [];
  let outsideLoopback = false;
  let positiveFailed = false;

  if (positive !== undefined) {
    const tp = points.listed as string;
    const foreign = outsideAddresses(positive);
    if (foreign.length > 0) {
      outsideLoopback = true;
      positiveFailed = true;
      problems.push(`positive test point ${tp} answered ${foreign.join(', ')}, outside 127.0.0.0/8 (the resolver rewrites answers)`);
    } else {
      const c = classifyAnswer({ zone, outcome: positive });
      // RFC 5782 §5 only requires the test entry to be listed; its A value need not be in the zone's listing
      // table (SpamRATS lists .36–.43 yet answers the 127.0.0.2 test entry), so any 127/8 code that is not an
      // operator error code proves the zone answers.
      const answersLoopbackCode = positive.kind === 'answer' && c.reason === 'invalid_answer';
      if (c.verdict !== 'listed' && !answersLoopbackCode) {
        positiveFailed = true;
        problems.push(`positive test point ${tp} not listed (${failureWords(positive, c)})`);
      }
    }
  }
  if (negative !== undefined) {
    const tp = points.unlisted as string;
    const foreign = outsideAddresses(negative);
    if (foreign.length > 0) {
      outsideLoopback = true;
      problems.push(`negative test point ${tp} answered ${foreign.join(', ')}, outside 127.0.0.0/8 (the resolver rewrites answers)`);
    } else if (negative.kind === 'answer') {
      const c = classifyAnswer({ zone, outcome: negative });
      problems.push(
        c.reason === 'query_blocked'
          ? `negative test point ${tp} answered error code ${codeWords(negative, c)}`
          : `negative test point ${tp} listed (${negative.addresses.join(', ')}): the zone answers every name (wildcard)`,
      );
    } else if (negative.kind !== 'nxdomain' && negative.kind !== 'nodata') {
      problems.push(`negative test point ${tp} did not answer NXDOMAIN (${describeOutcome(negative)})`);
    }
  }
  if (problems.length === 0) return { ...base, healthy: true };
  const asked = [positive, negative].filter((o) => o !== undefined);
  const noAnswer = asked.length > 0 && asked.every((o) => o.kind === 'timeout' || o.kind === 'refused');
  return {
    ...base,
    healthy: false,
    reason: problems.join('; '),
    ...(outsideLoopback ? { outsideLoopback } : {}),
    ...(positiveFailed ? { positiveFailed } : {}),
    ...(noAnswer ? { noAnswer } : {}),
  };
}

function outsideAddresses(outcome: DnsOutcome): string[] {
  return outcome.kind === 'answer' ? outcome.addresses.filter((a) => !isLoopbackAnswer(a)) : [];
}

function codeWords(outcome: DnsOutcome, c: { meanings: string[] }): string {
  const codes = outcome.kind === 'answer' ? outcome.addresses : [];
  const meaning = c.meanings.filter((m) => m !== '').join('; ');
  return meaning ? `${codes.join(', ')}: ${meaning}` : codes.join(', ');
}

function failureWords(outcome: DnsOutcome, c: { reason?: string; meanings: string[]; detail?: string }): string {
  if (outcome.kind !== 'answer') return describeOutcome(outcome);
  if (c.reason === 'query_blocked') return `answered error code ${codeWords(outcome, c)}`;
  return `answered ${outcome.addresses.join(', ')}${c.detail ? `: ${c.detail}` : ', a code the zone does not define'}`;
}
