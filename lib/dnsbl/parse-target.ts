/**
 * Turn what a user typed (an IP address, an IPv4 range or a domain) into one canonical Target (design §5).
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors.ts';
import type { Target } from './types.ts';
import { intToIPv4, ipv4Problem, ipv4ToInt, parseIPv6 } from './parse-ip.ts';
import { nonPublicReason } from './non-public-reason.ts';

/** Smallest IPv4 prefix accepted for a range: a /16 expands to 65,536 addresses (one DNS query each per zone). */
export const MIN_IPV4_PREFIX = 16;

const LIMIT_TEXT = `/${MIN_IPV4_PREFIX} (${(2 ** (32 - MIN_IPV4_PREFIX)).toLocaleString('en-US')} addresses)`;

function invalid(message: string): never {
  throw new AppError('invalid_input', message);
}

/**
 * Parse a user target into its canonical form.
 *
 * - IPv4 `192.0.2.10` → `{ kind: 'ip', family: 4, value }` (exactly four decimal octets, no leading zeros).
 * - IPv6 → `{ kind: 'ip', family: 6, value }` in RFC 5952 form (compressed, lower-case). IPv4-mapped
 *   `::ffff:192.0.2.10` (any notation) and the deprecated IPv4-compatible `::192.0.2.128` (dotted form only) are
 *   returned as the plain IPv4 target, as DNSBLs list IPv4 senders under the IPv4 name (case BL-12).
 * - IPv4 CIDR `198.51.100.0/24` → `{ kind: 'range', family: 4, value, network, prefix, size }`; a /32 is a single IP.
 *   Prefixes /16–/32 only; the address must be the network address.
 * - Domain → `{ kind: 'domain', value, display }`: lower-case punycode (UTS 46 via `url.domainToASCII`) without a
 *   trailing dot, `display` the Unicode form (case BL-14).
 *
 * `options.publicOnly` (monitored assets): refuse addresses that are never public senders — unspecified,
 * loopback, private (RFC 1918, fc00::/7), carrier-grade NAT (100.64.0.0/10), link-local, multicast, broadcast —
 * and ranges holding them (see nonPublicReason). The documentation ranges (RFC 5737, 2001:db8::/32) stay
 * accepted. Without it (the CLI, a diagnostic tool) RFC 5782 test points such as 127.0.0.2 may be queried.
 *
 * @throws AppError `invalid_input` for a malformed target, with a message saying what is wrong and what is
 *   expected (and, with `publicOnly`, for a non-public address, saying why); `range_too_large` for an IPv4 range
 *   larger than /16 (65,536 addresses).
 * @example parseTarget('::ffff:192.0.2.10') // { kind: 'ip', family: 4, value: '192.0.2.10' }
 * @example parseTarget('10.0.0.1', { publicOnly: true }) // throws "blocklists list public sending addresses; 10.0.0.1 is a private address (RFC 1918)"
 */
export function parseTarget(input: string, options: { publicOnly?: boolean } = {}): Target {
  const target = parseAnyTarget(input);
  if (options.publicOnly) {
    const why = nonPublicReason(target);
    if (why) invalid(`blocklists list public sending addresses; ${why}`);
  }
  return target;
}

function parseAnyTarget(input: string): Target {
  const text = input.trim();
  if (text === '') invalid('The target is empty: give an IP address, an IPv4 range (CIDR) or a domain name.');
  if (/\s/.test(text)) {
    invalid(`"${text}" contains a space: give one IP address, IPv4 range or domain name without spaces.`);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    invalid(`"${text}" is a URL: give the domain, not a URL (e.g. example.com).`);
  }
  if (text.includes('@')) {
    const domain = text.slice(text.lastIndexOf('@') + 1);
    invalid(`"${text}" is an e-mail address: give the domain part${domain ? ` (${domain})` : ''}.`);
  }
  if (text.includes('/')) return parseRange(text);
  if (text.includes(':')) return parseIPv6Target(text);
  if (/^[0-9.]+$/.test(text)) return parseIPv4Target(text);
  return parseDomain(text);
}

function parseIPv4Target(text: string): Target {
  const problem = ipv4Problem(text);
  if (problem) invalid(`"${text}" is not a valid IPv4 address: it ${problem}.`);
  return { kind: 'ip', family: 4, value: text };
}

function parseIPv6Target(text: string): Target {
  if (/^[0-9.]+:[0-9]+$/.test(text)) {
    invalid(`"${text}" looks like an address with a port: give the IP address without ":port".`);
  }
  const parsed = parseIPv6(text);
  if ('problem' in parsed) invalid(`"${text}" ${parsed.problem}.`);
  const { bytes } = parsed;
  const upperZero = bytes.slice(0, 10).every((b) => b === 0);
  const mapped = upperZero && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = upperZero && bytes[10] === 0 && bytes[11] === 0 && /:[0-9]+(\.[0-9]+){3}$/.test(text);
  if (mapped || compatible) return { kind: 'ip', family: 4, value: bytes.slice(12).join('.') };
  return { kind: 'ip', family: 6, value: new ipaddr.IPv6(bytes).toRFC5952String() };
}

function parseRange(text: string): Target {
  const slash = text.indexOf('/');
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (address.includes(':')) {
    invalid(
      `"${text}" is an IPv6 range: IPv6 ranges cannot be checked address by address (a /64 alone holds ` +
        '18,446,744,073,709,551,616 addresses). Add the IPv6 addresses you actually send from, one by one.',
    );
  }
  if (!/^[0-9]+$/.test(prefixText) || (prefixText.length > 1 && prefixText.startsWith('0'))) {
    invalid(`"${text}" has an invalid prefix "/${prefixText}": write the prefix length as a number from 0 to 32.`);
  }
  const prefix = Number(prefixText);
  if (prefix > 32) invalid(`"${text}" has prefix /${prefix}, which is out of range: an IPv4 prefix is 0 to 32.`);
  const problem = ipv4Problem(address);
  if (problem) invalid(`"${text}" is not a valid IPv4 range: the address ${address} ${problem}.`);
  const size = 2 ** (32 - prefix);
  if (prefix < MIN_IPV4_PREFIX) {
    throw new AppError(
      'range_too_large',
      `"${text}" holds ${size.toLocaleString('en-US')} addresses; the largest range that can be monitored is ` +
        `${LIMIT_TEXT}. Split it into /${MIN_IPV4_PREFIX} ranges or smaller.`,
    );
  }
  const start = ipv4ToInt(address);
  const network = intToIPv4(start - (start % size));
  if (network !== address) {
    invalid(
      `"${text}" is not a network address: ${address} lies inside ${network}/${prefix}. ` +
        `Give the range as ${network}/${prefix}, or the single address ${address}.`,
    );
  }
  if (prefix === 32) return { kind: 'ip', family: 4, value: address };
  return { kind: 'range', family: 4, value: `${network}/${prefix}`, network, prefix, size };
}

function parseDomain(text: string): Target {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const labels = name.split('.');
  if (labels.some((label) => label === '')) {
    invalid(`"${text}" has an empty label (two dots in a row, or a leading or extra trailing dot).`);
  }
  if (labels.length < 2) {
    invalid(`"${text}" is not a full domain name: give a registered domain with its TLD, e.g. example.com.`);
  }
  const tld = labels[labels.length - 1];
  if (/^[0-9]+$/.test(tld)) {
    invalid(`"${text}" ends in the all-numeric label "${tld}": a top-level domain is never all digits.`);
  }
  const ascii = domainToASCII(name);
  if (ascii === '') {
    invalid(`"${text}" is not a valid domain name: it contains characters a domain name cannot hold.`);
  }
  if (ascii.length > 253) {
    invalid(`"${text}" is ${ascii.length} characters long in DNS form; a domain name is at most 253.`);
  }
  for (const label of ascii.split('.')) {
    if (label.length > 63) invalid(`"${text}" has a label longer than 63 characters ("${label.slice(0, 20)}…").`);
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label)) {
      invalid(
        `"${text}" has the label "${label}", which is not allowed: a label holds letters, digits and hyphens, ` +
          'and does not start or end with a hyphen.',
      );
    }
  }
  for (const label of ascii.split('.')) {
    // A label marked as punycode must decode (RFC 3492); node leaves an undecodable one as it is.
    if (label.startsWith('xn--') && domainToUnicode(label).startsWith('xn--')) {
      invalid(`${name} is not valid punycode: the label "${label}" does not decode to a Unicode name.`);
    }
  }
  return { kind: 'domain', value: ascii, display: domainToUnicode(ascii) };
}
