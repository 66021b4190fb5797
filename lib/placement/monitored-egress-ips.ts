import ipaddr from 'ipaddr.js';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** The address parsed, IPv4-mapped IPv6 turned into IPv4 (its toString() is the asset's canonical form); null if not an IP. */
function canonical(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(ip)) return null;
  return ipaddr.process(ip);
}

function inRange(a: ipaddr.IPv4 | ipaddr.IPv6, net: ipaddr.IPv4 | ipaddr.IPv6, bits: number): boolean {
  if (a.kind() !== net.kind()) return false;
  return a.kind() === 'ipv4' ? (a as ipaddr.IPv4).match(net as ipaddr.IPv4, bits) : (a as ipaddr.IPv6).match(net as ipaddr.IPv6, bits);
}

/**
 * Which of these egress IPs (the addresses receivers saw) are monitored: an enabled `ip` asset with the same
 * address, or inside an enabled `range` asset (CIDR). IPv4-mapped IPv6 (`::ffff:a.b.c.d`) counts as its IPv4.
 * @returns the subset of `ips` (as given) that is monitored.
 */
export async function monitoredEgressIps(params: { ips: string[]; db?: PrismaClient }): Promise<Set<string>> {
  const db = params.db ?? prisma;
  const parsed = params.ips.map((ip) => ({ ip, addr: canonical(ip) })).filter((p) => p.addr !== null);
  if (parsed.length === 0) return new Set();
  const assets = await db.asset.findMany({
    where: {
      enabled: true,
      OR: [{ kind: 'range' }, { kind: 'ip', value: { in: parsed.map((p) => (p.addr as ipaddr.IPv4 | ipaddr.IPv6).toString()) } }],
    },
    select: { kind: true, value: true },
  });
  const ranges = assets.filter((a) => a.kind === 'range').map((a) => ipaddr.parseCIDR(a.value));
  const singles = new Set(assets.filter((a) => a.kind === 'ip').map((a) => a.value));
  const monitored = new Set<string>();
  for (const { ip, addr } of parsed) {
    const a = addr as ipaddr.IPv4 | ipaddr.IPv6;
    if (singles.has(a.toString()) || ranges.some(([net, bits]) => inRange(a, net, bits))) monitored.add(ip);
  }
  return monitored;
}
