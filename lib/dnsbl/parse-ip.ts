/**
 * Strict IP address parsing shared by parse-target.ts and query-name.ts.
 *
 * ipaddr.js alone is too lenient for DNSBL work: it accepts `1.2.3`, `0x7f.1.1.1` and octal-looking
 * `192.0.2.010` as IPv4 (inet_aton forms), and parses the deprecated IPv4-compatible `::192.0.2.128` as if it
 * were the IPv4-mapped `::ffff:192.0.2.128`. Here IPv4 is exactly four decimal octets, and a dotted-quad tail of
 * an IPv6 address is converted to its two hex groups before ipaddr.js sees it.
 */
import ipaddr from 'ipaddr.js';

/** Why an IPv4 string was refused, in words for an end user; `null` when it is valid. */
export function ipv4Problem(input: string): string | null {
  const parts = input.split('.');
  if (parts.length !== 4) {
    return `has ${parts.length} part${parts.length === 1 ? '' : 's'}; an IPv4 address has exactly four numbers 0–255 separated by dots (e.g. 192.0.2.10)`;
  }
  for (const part of parts) {
    if (part === '') return 'has an empty part between dots; expected four numbers 0–255 (e.g. 192.0.2.10)';
    if (!/^[0-9]+$/.test(part)) return `contains "${part}", which is not a decimal number; expected four numbers 0–255`;
    if (part.length > 1 && part.startsWith('0')) {
      const fixed = parts.map((p) => String(Number(p))).join('.');
      return `has a leading zero in "${part}" (ambiguous: some tools read it as octal); write each number without leading zeros, e.g. ${fixed}`;
    }
    if (Number(part) > 255) return `contains ${part}, which is out of range; each number must be 0–255`;
  }
  return null;
}

/** True when `input` is a canonical dotted-quad IPv4 address (four decimal octets 0–255, no leading zeros). */
export function isIPv4(input: string): boolean {
  return ipv4Problem(input) === null;
}

/** IPv4 dotted quad → unsigned 32-bit integer. The caller passes a valid address (see isIPv4). */
export function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** Unsigned 32-bit integer → IPv4 dotted quad. */
export function intToIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/**
 * Inclusive bounds of a return code `127.0.0.2` or range `127.0.0.4-127.0.0.7` (ZoneDefinition tables) as
 * unsigned 32-bit integers, or null when malformed.
 */
export function codeBounds(code: string): { start: number; end: number } | null {
  const [first, last = first, ...rest] = code.split('-');
  if (rest.length > 0 || !isIPv4(first) || !isIPv4(last)) return null;
  return { start: ipv4ToInt(first), end: ipv4ToInt(last) };
}

/**
 * Parse an IPv6 address strictly into its 16 bytes, or return a problem in words.
 * A dotted-quad tail (`::ffff:192.0.2.10`, `::192.0.2.128`) must itself be a strict IPv4 address; zone indexes
 * (`fe80::1%eth0`) are refused because a DNSBL lists global addresses.
 */
export function parseIPv6(input: string): { bytes: number[] } | { problem: string } {
  if (input.includes('%')) return { problem: 'has a zone index (%…); give the address without it' };
  let text = input;
  const lastColon = input.lastIndexOf(':');
  if (lastColon >= 0 && input.slice(lastColon + 1).includes('.')) {
    const tail = input.slice(lastColon + 1);
    const problem = ipv4Problem(tail);
    if (problem) return { problem: `ends in the IPv4 part "${tail}", which ${problem}` };
    const n = ipv4ToInt(tail);
    text = `${input.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(text)) {
    return { problem: 'is not a valid IPv6 address (eight groups of up to four hex digits, at most one "::")' };
  }
  return { bytes: ipaddr.IPv6.parse(text).toByteArray() };
}
