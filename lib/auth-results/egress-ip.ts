import ipaddr from 'ipaddr.js';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { headerValues } from './header-fields.ts';
import { parseAuthenticationResults } from './parse-authentication-results.ts';

/** Canonical form (parseTarget: IPv4-mapped IPv6 → IPv4, RFC 5952 IPv6, BL-12), or null when not an address. */
function canonicalIp(text: string): string | null {
  const candidate = text.replace(/^IPv6:/i, '');
  if (!ipaddr.isValid(candidate)) return null;
  try {
    const target = parseTarget(candidate);
    return target.kind === 'ip' ? target.value : null;
  } catch {
    return null;
  }
}

/** ipaddr.js ranges of addresses a receiver's internal relays use (RFC 1918, RFC 6598, RFC 4193, loopback, link-local). */
const INTERNAL_RANGES = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat', 'unspecified']);

/** Hops that are not a network hop from the sender: final delivery and local injection (RFC 5321 §4.4, RFC 3848). */
const LOCAL_HOP = /\bwith\s+(LMTPS?A?|local|HTTPS?|IMAP|UUCP)\b|\(Postfix,\s+from\s+userid/i;

/**
 * The address in the from-clause of a Received header (RFC 5321 §4.4 `TCP-info`): `[192.0.2.1]`, `[IPv6:2001:db8::1]`,
 * Microsoft's `(192.0.2.25)`, or a bare address right after "from" (Yahoo's `from 192.0.2.1 (EHLO …)`).
 */
function fromAddress(received: string): string | null {
  const m = /^\s*from\s+([\s\S]*?)(?:\s+by\s+|;|$)/i.exec(received);
  if (!m) return null;
  const clause = m[1];
  for (const re of [/\[([0-9a-f:.]+|IPv6:[0-9a-f:.]+)\]/gi, /\(([0-9a-f:.]+)\)/gi, /^([0-9a-f:.]+)(?=\s|$)/gi]) {
    for (const hit of clause.matchAll(re)) {
      const ip = canonicalIp(hit[1]);
      if (ip) return ip;
    }
  }
  return null;
}

/**
 * The client address the receiver itself recorded: `client-ip=` of the topmost Received-SPF (RFC 7208 §9.1), or,
 * in the topmost Authentication-Results, `smtp.remote-ip` / `policy.iprev` or the SPF comment ("sender IP is X",
 * Microsoft; "designates X as permitted sender", rspamd and Gmail).
 */
function recordedClientIp(headers: string): string | null {
  const spf = headerValues(headers, 'Received-SPF')[0];
  const fromSpf = spf ? /client-ip=([0-9a-f:.]+)/i.exec(spf) : null;
  if (fromSpf && canonicalIp(fromSpf[1])) return canonicalIp(fromSpf[1]);
  const ar = headerValues(headers, 'Authentication-Results')[0];
  if (!ar) return null;
  for (const r of parseAuthenticationResults(ar).results) {
    const prop = r.properties['smtp.remote-ip'] ?? r.properties['policy.iprev'];
    if (prop && canonicalIp(prop)) return canonicalIp(prop);
    if (r.method !== 'spf' || !r.comment) continue;
    const said = /sender IP is ([0-9a-f:.]+)|designates? ([0-9a-f:.]+) as permitted sender/i.exec(r.comment);
    const ip = said ? canonicalIp(said[1] ?? said[2]) : null;
    if (ip) return ip;
  }
  return null;
}

/**
 * The sender's egress IP as the receiving side saw it: the from-address of the topmost Received headers (RFC 5321
 * §4.4; the receiver's hops are on top, anything below may have been written by the sender), after skipping
 * delivery and local hops (LMTP, local, HTTP) and hops with no address (Gmail's internal `Received: by …`):
 * 1. if the receiver recorded the client address (Received-SPF client-ip, Authentication-Results) and a hop's
 *    from-address equals it, that address;
 * 2. else the first hop whose from-address is not internal (INTERNAL_RANGES: the receiver's own relays);
 * 3. else the first hop's address (a lab or loopback chain), else the recorded address, else null.
 * IPv4-mapped IPv6 (`::ffff:192.0.2.10`) is returned as IPv4 (BL-12). Pure; never throws.
 */
export function egressIp(params: { headers: string }): string | null {
  const hops = headerValues(params.headers, 'Received')
    .filter((r) => !LOCAL_HOP.test(r))
    .map(fromAddress)
    .filter((ip): ip is string => ip !== null);
  const recorded = recordedClientIp(params.headers);
  if (recorded && hops.includes(recorded)) return recorded;
  const outside = (ip: string) => !INTERNAL_RANGES.has(ipaddr.process(ip).range());
  return hops.find(outside) ?? hops[0] ?? recorded;
}
