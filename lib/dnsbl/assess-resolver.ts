import type { ResolverHealth, ZoneHealth } from './types.ts';
import { parseServer } from './resolver-servers.ts';
import { publicResolverName } from './public-resolvers.ts';

/**
 * Health of the resolver path from one sweep's zone health (design §5, RFC 5782 §5, case BL-08):
 * - `unreachable` when every probed zone got no answer at all (every test-point query timed out or was REFUSED):
 *   the resolver itself is down, unreachable or refusing us, whatever the zones say;
 * - `rewriting` when any zone's test points got an answer outside 127.0.0.0/8 (ad-blocking or NXDOMAIN-rewriting
 *   resolvers);
 * - `blocked` when most probed zones failed their positive test point at once: more than half of `zoneHealth`,
 *   and at least 3 (operators refuse the resolver, e.g. a public one);
 * - `ok` otherwise.
 * `isPublic` is true when any of `servers` (`ip:port` / `[v6]:port`) is a well-known public resolver.
 * Pure; never throws for a malformed server (it is just not public).
 */
export function assessResolver(params: { zoneHealth: ZoneHealth[]; servers: string[] }): ResolverHealth {
  const { zoneHealth, servers } = params;
  const publicNames = servers.flatMap((s) => {
    try {
      const name = publicResolverName(parseServer(s).address);
      return name ? [name] : [];
    } catch {
      return [];
    }
  });
  const base = { isPublic: publicNames.length > 0, servers };
  const publicNote = publicNames.length > 0 ? ` (${publicNames[0]} is a public resolver; DNSBL operators refuse them)` : '';

  if (zoneHealth.length > 0 && zoneHealth.every((z) => z.noAnswer)) {
    const who = servers.length > 0 ? servers.join(', ') : 'the system resolver';
    return {
      status: 'unreachable',
      reason: `resolver ${who} is not answering: every test point query of ${zoneHealth.length} ${zoneHealth.length === 1 ? 'zone' : 'zones'} timed out or was refused`,
      ...base,
    };
  }
  const rewriting = zoneHealth.filter((z) => z.outsideLoopback);
  if (rewriting.length > 0) {
    const zones = rewriting.map((z) => z.zone).join(', ');
    return { status: 'rewriting', reason: `answers outside 127.0.0.0/8 for the test points of ${zones}${publicNote}`, ...base };
  }
  const failed = zoneHealth.filter((z) => z.positiveFailed);
  if (failed.length >= 3 && failed.length * 2 > zoneHealth.length) {
    return {
      status: 'blocked',
      reason: `${failed.length} of ${zoneHealth.length} zones failed their positive test point at once${publicNote}`,
      ...base,
    };
  }
  return { status: 'ok', ...base };
}
