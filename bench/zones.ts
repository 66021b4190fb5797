/**
 * The benchmark's generated DNSBL zones and their truth: which (address, zone) pairs are listed. Everything is
 * derived from a fixed integer hash, so the rbldnsd data files and the truth the results are checked against
 * come from the same function, and every run serves the same data.
 */
import type { ZoneDefinition } from '../lib/dnsbl/types.ts';
import { intToIPv4, ipv4ToInt } from '../lib/dnsbl/parse-ip.ts';

/** The /16 every benchmark range lies in: 198.18.0.0/15 is reserved for benchmarks (RFC 2544, RFC 5735 §3). */
export const BENCH_NETWORK = '198.18.0.0';
export const ZONE_COUNT = 50;

/** One generated zone: its name and the rbldnsd dataset type serving it. */
export interface BenchZone {
  zone: string;
  type: 'ip4set' | 'ip4trie';
  index: number;
}

/** 50 zones `z00.bench.test` … `z49.bench.test`; even ones are rbldnsd ip4set, odd ones ip4trie. */
export function benchZones(): BenchZone[] {
  return Array.from({ length: ZONE_COUNT }, (_, i) => ({
    zone: `z${String(i).padStart(2, '0')}.bench.test`,
    type: i % 2 === 0 ? 'ip4set' : 'ip4trie',
    index: i,
  }));
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The truth: the return code the zone answers for `ip` (an IPv4 address as a 32-bit unsigned integer), or null.
 * ip4set zones list single addresses with probability 1/100; ip4trie zones list aligned /30 blocks with
 * probability 1/100. Both come to ~1 % of addresses. Codes are 127.0.0.2, .3 or .4.
 */
export function listedCode(zoneIndex: number, ip: number): string | null {
  const key = zoneIndex % 2 === 0 ? ip : (ip >>> 2) | 0x40000000;
  const h = mix(zoneIndex + 1, key);
  if (h % 100 !== 0) return null;
  return `127.0.0.${2 + ((h >>> 12) % 3)}`;
}

/**
 * rbldnsd dataset text for one zone covering the whole bench /16: the RFC 5782 §5 test points (127.0.0.2 listed,
 * 127.0.0.1 not) and every generated listing, with a TXT template naming the zone.
 */
export function zoneData(z: BenchZone): string {
  const lines = [`:127.0.0.2:Listed by ${z.zone}: $`, '127.0.0.2'];
  const start = ipv4ToInt(BENCH_NETWORK);
  const step = z.type === 'ip4set' ? 1 : 4;
  for (let ip = start; ip < start + 65536; ip += step) {
    const code = listedCode(z.index, ip);
    if (code === null) continue;
    lines.push(z.type === 'ip4set' ? `${intToIPv4(ip)} :${code}:` : `${intToIPv4(ip)}/30 :${code}:`);
  }
  return `${lines.join('\n')}\n`;
}

/** The catalog definition of a bench zone: ip4 only, codes 127.0.0.2–4, Spamhaus-style error codes, test points. */
export function benchDefinition(z: BenchZone): ZoneDefinition {
  return {
    zone: z.zone,
    name: `Bench ${z.index}`,
    operator: 'Benchmark',
    description: `generated benchmark zone (${z.type})`,
    keyTypes: ['ip4'],
    polarity: 'block',
    returnCodes: [
      { code: '127.0.0.2', meaning: 'Bench listing: spam source', severity: 'high' },
      { code: '127.0.0.3-127.0.0.4', meaning: 'Bench listing: other', severity: 'medium' },
    ],
    errorCodes: [{ code: '127.255.255.252-127.255.255.255', meaning: 'Query blocked: operator error answer' }],
    testPoints: { ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' } },
    status: 'active',
    enabledByDefault: true,
    weight: 1,
    sources: ['bench'],
  };
}

/** A benchmark size: the first `size` addresses of the bench /16 against the first `zones` zones. */
export interface BenchSize {
  label: string;
  prefix: number;
  zones: number;
}

/** The range's CIDR (`198.18.0.0/24`) and its addresses as integers. */
export function rangeOf(size: BenchSize): { cidr: string; start: number; count: number } {
  return { cidr: `${BENCH_NETWORK}/${size.prefix}`, start: ipv4ToInt(BENCH_NETWORK), count: 2 ** (32 - size.prefix) };
}

/** How many (address, zone) pairs of `size` the truth lists. */
export function truthCount(size: BenchSize): number {
  const { start, count } = rangeOf(size);
  let n = 0;
  for (let z = 0; z < size.zones; z++) for (let ip = start; ip < start + count; ip++) if (listedCode(z, ip) !== null) n++;
  return n;
}

/** Index of a bench zone name (`z07.bench.test` → 7), or -1. */
export function zoneIndexOf(zone: string): number {
  const m = /^z(\d\d)\.bench\.test$/.exec(zone);
  return m ? Number(m[1]) : -1;
}
