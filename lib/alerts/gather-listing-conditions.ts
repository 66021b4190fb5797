import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Severity, ZoneDefinition } from '../dnsbl/types.ts';
import { classifyAnswer } from '../dnsbl/classify-answer.ts';
import { readZoneDefinition } from '../zones/read-zone-definition.ts';
import type { Condition, Observation } from './alert-types.ts';
import type { RuleParams } from './rule-kinds.ts';

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * The catalog severity of a listing: its return codes classified again against the zone's table (the highest
 * severity among them; bitmask zones by their bits). `info` when no code is documented.
 */
export function listingSeverity(p: { zone: ZoneDefinition; codes: string[] }): Severity {
  if (p.codes.length === 0) return 'info';
  const c = classifyAnswer({ zone: p.zone, outcome: { kind: 'answer', addresses: p.codes } });
  return c.verdict === 'listed' ? (c.severity ?? 'info') : 'info';
}

/** The listing_new subject of one (asset, target, zone): type `target`, id `assetId|target|zone`. */
export function listingSubjectId(p: { assetId: string; target: string; zone: string }): string {
  return `${p.assetId}|${p.target}|${p.zone}`;
}

/**
 * listing_new conditions (design §5, issue 2): every confirmed listing (Listing.state `listed`) of an enabled
 * asset on an enabled block-polarity zone whose severity reaches `minSeverity` (allow lists are good news, BL-05).
 * The detail carries what the alert email shows: target, zone, operator, codes with meanings, TXT reason, delist
 * link, first seen. Grouped per asset, so one sweep's changes of one asset come in one message.
 * `monitored`: confirmed `not_listed` rows of enabled assets on enabled zones: a live incident whose row turned
 * not_listed has a delisting (recovery notice); one whose asset or zone went away resolves silently.
 */
export async function gatherListingConditions(p: { db: PrismaClient; params: RuleParams['listing_new'] }): Promise<Observation> {
  const zones = await p.db.zone.findMany({ where: { enabled: true } });
  const defs = new Map(zones.map((z) => [z.name, readZoneDefinition(z)]));
  const rows = await p.db.listing.findMany({
    where: { zone: { in: [...defs.keys()] }, asset: { enabled: true }, state: { in: ['listed', 'not_listed'] } },
    include: { asset: true },
  });
  const min = ORDER.indexOf(p.params.minSeverity);
  const active: Condition[] = [];
  const monitored: string[] = [];
  for (const row of rows) {
    const def = defs.get(row.zone) as ZoneDefinition;
    const subjectId = listingSubjectId(row);
    if (row.state !== 'listed') {
      monitored.push(`target:${subjectId}`);
      continue;
    }
    const codes = JSON.parse(row.codes) as string[];
    const severity = listingSeverity({ zone: def, codes });
    if (def.polarity !== 'block' || ORDER.indexOf(severity) < min) continue;
    const target = row.asset.kind === 'domain' && row.asset.display ? row.asset.display : row.target;
    active.push({
      kind: 'listing_new',
      subjectType: 'target',
      subjectId,
      subjectLabel: `${target} on ${row.zone}`,
      title: `${target} listed on ${row.zone} (${def.name})`,
      group: `listing:${row.assetId}`,
      detail: {
        asset: row.asset.display ?? row.asset.value,
        assetLabel: row.asset.label,
        target,
        zone: row.zone,
        zoneName: def.name,
        operator: def.operator,
        polarity: def.polarity,
        severity,
        codes,
        meanings: JSON.parse(row.meanings) as string[],
        txt: row.txt,
        ...(def.delistUrl ? { delistUrl: def.delistUrl } : {}),
        firstListedAt: row.firstListedAt?.toISOString() ?? null,
        since: row.since.toISOString(),
      },
    });
  }
  return { kind: 'listing_new', active, monitored };
}
