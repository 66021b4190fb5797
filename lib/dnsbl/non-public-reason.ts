import ipaddr from 'ipaddr.js';
import type { Target } from './types.ts';
import { intToIPv4, ipv4ToInt } from './parse-ip.ts';

/**
 * IPv4 blocks that never send mail on the public Internet, with what they are (RFC 6890 special-purpose
 * registry: RFC 1122 "this network", RFC 1918 private, RFC 6598 shared address space (CGNAT), RFC 1122 loopback,
 * RFC 3927 link-local, RFC 5771 multicast, RFC 919 limited broadcast). The documentation ranges of RFC 5737
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are deliberately absent: examples and tests use them.
 */
const IPV4_BLOCKS: { cidr: string; words: string }[] = [
  { cidr: '0.0.0.0/8', words: 'an unspecified ("this network") address (RFC 1122)' },
  { cidr: '10.0.0.0/8', words: 'a private address (RFC 1918)' },
  { cidr: '100.64.0.0/10', words: 'a carrier-grade NAT address (RFC 6598 shared address space)' },
  { cidr: '127.0.0.0/8', words: 'a loopback address (RFC 1122)' },
  { cidr: '169.254.0.0/16', words: 'a link-local address (RFC 3927)' },
  { cidr: '172.16.0.0/12', words: 'a private address (RFC 1918)' },
  { cidr: '192.168.0.0/16', words: 'a private address (RFC 1918)' },
  { cidr: '224.0.0.0/4', words: 'a multicast address (RFC 5771)' },
  { cidr: '255.255.255.255/32', words: 'the broadcast address (RFC 919)' },
];

const IPV4_PARSED = IPV4_BLOCKS.map((b) => {
  const [network, bits] = b.cidr.split('/');
  const start = ipv4ToInt(network);
  return { ...b, start, end: start + 2 ** (32 - Number(bits)) - 1 };
});

/** ipaddr.js range names of IPv6 addresses that never send mail publicly (RFC 4291, RFC 4193), in words. */
const IPV6_RANGES: Record<string, string> = {
  unspecified: 'the unspecified address (RFC 4291)',
  loopback: 'the loopback address (RFC 4291)',
  linkLocal: 'a link-local address (RFC 4291)',
  multicast: 'a multicast address (RFC 4291)',
  uniqueLocal: 'a unique local (private) address (RFC 4193, fc00::/7)',
};

/**
 * Why a parsed target can never be listed as a public sender, in words for the user, or null when it can be
 * (a public address, a documentation address, or a domain). DNSBLs list public sending addresses only.
 * @example nonPublicReason(parseTarget('10.0.0.1')) // '10.0.0.1 is a private address (RFC 1918)'
 * @example nonPublicReason(parseTarget('255.255.0.0/16')) // '255.255.0.0/16 includes 255.255.255.255, the broadcast address (RFC 919)'
 */
export function nonPublicReason(target: Target): string | null {
  if (target.kind === 'domain') return null;
  if (target.kind === 'ip' && target.family === 6) {
    const words = IPV6_RANGES[ipaddr.IPv6.parse(target.value).range()];
    return words ? `${target.value} is ${words}` : null;
  }
  const start = ipv4ToInt(target.kind === 'range' ? target.network : target.value);
  const end = target.kind === 'range' ? start + target.size - 1 : start;
  for (const b of IPV4_PARSED) {
    if (end < b.start || start > b.end) continue;
    if (start >= b.start && end <= b.end) {
      return target.kind === 'range' ? `${target.value} lies in ${b.cidr}: every address in it is ${b.words}` : `${target.value} is ${b.words}`;
    }
    const first = intToIPv4(Math.max(start, b.start));
    return `${target.value} includes ${b.cidr === '255.255.255.255/32' ? first : b.cidr}, ${b.words.replace(/^an? /, '')}`;
  }
  return null;
}
