/**
 * DNS query names for DNSBL, DNSWL and RHSBL lookups (RFC 5782 §2.1, §2.4, §3).
 */
import { domainToASCII } from 'node:url';
import { AppError } from '../errors.ts';
import type { KeyType } from './types.ts';
import { ipv4Problem, parseIPv6 } from './parse-ip.ts';

/**
 * Key type of a canonical target (as stored by parseTarget, or a test point): a dotted-quad IPv4 address is
 * `ip4`, anything with a colon is `ip6`, everything else is a `domain`. It does not validate the target;
 * queryName does.
 */
export function keyTypeOf(target: string): KeyType {
  if (target.includes(':')) return 'ip6';
  if (/^[0-9.]+$/.test(target)) return 'ip4';
  return 'domain';
}

/**
 * The DNS name to ask for `target` on `zone`, without a trailing dot.
 *
 * - `ip4` (RFC 5782 §2.1): the four octets reversed, `192.0.2.99` → `99.2.0.192.<zone>`.
 * - `ip6` (RFC 5782 §2.4): the 32 nibbles of the fully expanded address in reverse order, lower-case, one per
 *   label. IPv4-mapped addresses are NOT turned into IPv4 here: the IPv6 test point `::ffff:7f00:2` must be
 *   nibble-encoded (parseTarget does the normalisation of user input, case BL-12).
 * - `domain` (RFC 5782 §3): lower-case punycode (UTS 46), trailing dot removed, put in front of the zone as-is
 *   (not reversed): `hę.pl` → `xn--h-1ia.pl.<zone>` (case BL-14).
 *
 * The zone is lower-cased and a trailing dot removed. For keyed zones (Spamhaus DQS, Abusix) pass
 * `<key>.<zone>` as the zone.
 * @throws AppError `invalid_input` when the target does not match `keyType`, or the name exceeds 253 characters.
 * @example queryName({ target: '2001:db8::1', keyType: 'ip6', zone: 'bl.example' }) // '1.0.0.0…8.b.d.0.1.0.0.2.bl.example'
 */
export function queryName(params: { target: string; keyType: KeyType; zone: string }): string {
  const { target, keyType } = params;
  return joinQueryName({ key: queryKey({ target, keyType }), target, zone: params.zone.toLowerCase().replace(/\.$/, '') });
}

/**
 * The zone-independent part of queryName: the reversed octets, reversed nibbles or punycode domain, validated.
 * A sweep computes it once per target and joins it to every zone with joinQueryName.
 * @throws AppError `invalid_input` when the target does not match `keyType` (same messages as queryName).
 */
export function queryKey(params: { target: string; keyType: KeyType }): string {
  return reversedKey(params.target, params.keyType);
}

/**
 * `<key>.<zone>` for a key from queryKey and a zone already lower-cased without a trailing dot.
 * @throws AppError `invalid_input` when the name exceeds 253 characters (same message as queryName).
 */
export function joinQueryName(params: { key: string; target: string; zone: string }): string {
  const name = `${params.key}.${params.zone}`;
  if (name.length > 253) {
    throw new AppError('invalid_input', `The query name for ${params.target} on ${params.zone} is longer than 253 characters.`);
  }
  return name;
}

function reversedKey(target: string, keyType: KeyType): string {
  if (keyType === 'ip4') {
    const problem = ipv4Problem(target);
    if (problem) throw new AppError('invalid_input', `"${target}" is not an IPv4 address for an ip4 zone: it ${problem}.`);
    return target.split('.').reverse().join('.');
  }
  if (keyType === 'ip6') {
    const parsed = parseIPv6(target);
    if ('problem' in parsed) throw new AppError('invalid_input', `"${target}" for an ip6 zone ${parsed.problem}.`);
    const nibbles = parsed.bytes.flatMap((byte) => [byte >> 4, byte & 15]).map((n) => n.toString(16));
    return nibbles.reverse().join('.');
  }
  const domain = domainToASCII(target.replace(/\.$/, ''));
  if (domain === '' || domain.split('.').some((label) => label === '') || keyTypeOf(domain) !== 'domain') {
    throw new AppError('invalid_input', `"${target}" is not a domain name for a domain zone.`);
  }
  return domain.toLowerCase();
}
