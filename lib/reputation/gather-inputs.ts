import ipaddr from 'ipaddr.js';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { readZoneDefinition } from '../zones/read-zone-definition.ts';
import { groupListings, mergeListings } from './group-listings.ts';
import type { ZoneInfo } from './group-listings.ts';
import { tallyResults } from './tally-results.ts';
import type { ResultRow } from './tally-results.ts';
import type { ReputationInputs, SubjectType } from './types.ts';
import { PLACEMENT_WINDOW_DAYS } from './weights.ts';

/** One subject with the inputs of its score. */
export interface SubjectInputs {
  subjectType: SubjectType;
  /** ip: the asset id; domain: the ASCII domain; server: the SmtpServer id. */
  subjectId: string;
  /** IP, CIDR, domain (Unicode form) or server name. */
  subjectLabel: string;
  inputs: ReputationInputs;
}

type Row = ResultRow & { egressIp: string | null; test: { serverId: string } };
type Addr = ipaddr.IPv4 | ipaddr.IPv6;

function parseIp(ip: string | null): Addr | null {
  return ip && ipaddr.isValid(ip) ? ipaddr.process(ip) : null;
}

/** Whether an egress address belongs to an IP asset (same address, or inside the range; IPv4-mapped IPv6 as IPv4). */
function matcher(asset: { kind: string; value: string }): (a: Addr) => boolean {
  if (asset.kind === 'range') {
    const [net, bits] = ipaddr.parseCIDR(asset.value);
    return (a) => a.kind() === net.kind() && a.match([net, bits] as [Addr, number]);
  }
  return (a) => a.toString() === asset.value;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return at > 0 && domain ? domain : null;
}

/**
 * Gather the inputs of every subject's score (design §7):
 * - ip: every enabled `ip` asset, and every enabled `range` asset as one subject. Listings of the asset; placement
 *   results whose egress IP (the address the receiver saw) is the address or inside the range.
 * - domain: every enabled `domain` asset and every SMTP server's From domain. Listings of the domain asset if there
 *   is one; placement results of the servers sending From that domain.
 * - server: every SMTP server. Listings of the assets it was seen sending from (egress IPs of its results) and of
 *   its From domain's asset; its placement results.
 * Listings count only on enabled zones, with the user's zone weight; placement results only of completed tests
 * created in the last PLACEMENT_WINDOW_DAYS days (`now` injected).
 * @returns every subject, rated or not (see hasScoreData).
 */
export async function gatherInputs(params: { db?: PrismaClient; now?: Date } = {}): Promise<SubjectInputs[]> {
  const db = params.db ?? prisma;
  const now = params.now ?? new Date();
  const since = new Date(now.getTime() - PLACEMENT_WINDOW_DAYS * 86_400_000);
  const [assets, zoneRows, listingRows, checkRows, servers, results] = await Promise.all([
    db.asset.findMany({ where: { enabled: true }, select: { id: true, kind: true, value: true, display: true }, orderBy: { value: 'asc' } }),
    db.zone.findMany({ where: { enabled: true }, select: { name: true, definition: true, weight: true } }),
    db.listing.findMany({ where: { state: 'listed', asset: { enabled: true } }, select: { assetId: true, zone: true, codes: true } }),
    db.assetZoneCheck.findMany({ where: { asset: { enabled: true } }, select: { assetId: true, zone: true, listed: true, notListed: true } }),
    db.smtpServer.findMany({ select: { id: true, name: true, fromAddress: true }, orderBy: { name: 'asc' } }),
    db.placementResult.findMany({
      where: { test: { status: 'complete', createdAt: { gte: since } } },
      select: {
        smtpOutcome: true, smtpCategory: true, placement: true, authSpf: true, authDkim: true, authDmarc: true,
        egressIp: true, test: { select: { serverId: true } },
      },
    }),
  ]);
  const zones = new Map<string, ZoneInfo>(zoneRows.map((z) => [z.name, { definition: readZoneDefinition(z), weight: z.weight }]));
  const listingsByAsset = groupBy(listingRows, (l) => l.assetId);
  const checksByAsset = groupBy(checkRows, (c) => c.assetId);
  const listingsOf = new Map(
    assets.map((a) => [
      a.id,
      groupListings({ assetValue: a.value, listings: listingsByAsset.get(a.id) ?? [], checks: checksByAsset.get(a.id) ?? [], zones }),
    ]),
  );
  const inputs = (listings: ReputationInputs['listings'], rows: Row[]): ReputationInputs => ({
    listings,
    ...tallyResults({ results: rows }),
    windowDays: PLACEMENT_WINDOW_DAYS,
  });
  const subjects: SubjectInputs[] = [];
  const egress = results.map((r) => ({ r, addr: parseIp(r.egressIp) }));
  const ipAssets = assets.filter((a) => a.kind === 'ip' || a.kind === 'range').map((a) => ({ ...a, matches: matcher(a) }));
  for (const a of ipAssets) {
    const rows = egress.filter((e) => e.addr !== null && a.matches(e.addr)).map((e) => e.r);
    subjects.push({ subjectType: 'ip', subjectId: a.id, subjectLabel: a.value, inputs: inputs(mergeListings([listingsOf.get(a.id) ?? null]), rows) });
  }
  const domainAssets = new Map(assets.filter((a) => a.kind === 'domain').map((a) => [a.value, a]));
  const fromDomain = new Map(servers.map((s) => [s.id, domainOf(s.fromAddress)]));
  const domains = new Set([...domainAssets.keys(), ...[...fromDomain.values()].filter((d): d is string => d !== null)]);
  for (const domain of [...domains].sort()) {
    const asset = domainAssets.get(domain);
    const rows = results.filter((r) => fromDomain.get(r.test.serverId) === domain);
    const listings = asset ? mergeListings([listingsOf.get(asset.id) ?? null]) : null;
    subjects.push({ subjectType: 'domain', subjectId: domain, subjectLabel: asset?.display ?? domain, inputs: inputs(listings, rows) });
  }
  for (const s of servers) {
    const rows = results.filter((r) => r.test.serverId === s.id);
    const addrs = rows.map((r) => parseIp(r.egressIp)).filter((a): a is Addr => a !== null);
    const behind = ipAssets.filter((a) => addrs.some((addr) => a.matches(addr))).map((a) => a.id);
    const domainAsset = domainAssets.get(fromDomain.get(s.id) ?? '');
    if (domainAsset) behind.push(domainAsset.id);
    const listings = mergeListings(behind.map((id) => listingsOf.get(id) ?? null));
    subjects.push({ subjectType: 'server', subjectId: s.id, subjectLabel: s.name, inputs: inputs(listings, rows) });
  }
  return subjects;
}
