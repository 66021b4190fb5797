import type { Asset, PrismaClient } from '../generated/prisma/client.ts';
import type { ErrorReason } from '../dnsbl/types.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { targetCount } from '../dnsbl/expand-range.ts';
import { readZoneDefinition } from '../zones/read-zone-definition.ts';

/** One asset with its status, as `GET /api/assets` answers (README "JSON API"). */
export interface AssetView {
  id: string;
  kind: string;
  value: string;
  /** Unicode form of an IDN, else the value. */
  display: string;
  label: string | null;
  enabled: boolean;
  createdAt: Date;
  /** Addresses or names swept: 1, or the range's size. */
  targets: number;
  /** listed: a confirmed listing on a block-polarity zone; error: the last sweep had errors; clean; unchecked. */
  status: 'listed' | 'clean' | 'error' | 'unchecked';
  /** Confirmed listings on enabled block-polarity zones (allow-list listings are good news, BL-05). */
  listed: number;
  /** (target, zone) errors in the last sweep of the asset, on enabled zones. */
  errors: number;
  lastCheckedAt: Date | null;
  /**
   * Why the last sweep had errors, one entry per (zone, reason), most targets first: e.g. `{ zone:
   * 'zen.spamhaus.org', reason: 'budget_exhausted', targets: 65536 }` ("budget exhausted on zen.spamhaus.org").
   */
  errorReasons: { zone: string; reason: ErrorReason; targets: number }[];
}

/**
 * Shape assets for the API with their status and error reasons, in six queries whatever the number of assets.
 */
export async function toAssetViews(params: { db: PrismaClient; assets: Asset[] }): Promise<AssetView[]> {
  const { db, assets } = params;
  if (assets.length === 0) return [];
  const ids = assets.map((a) => a.id);
  const zones = await db.zone.findMany({ where: { enabled: true }, select: { name: true, definition: true } });
  const enabled = zones.map((z) => z.name);
  const block = zones.filter((z) => readZoneDefinition(z).polarity === 'block').map((z) => z.name);
  const [listed, errors, checks, zoneReasons, targetReasons] = await Promise.all([
    db.listing.groupBy({
      by: ['assetId'],
      where: { assetId: { in: ids }, state: 'listed', zone: { in: block } },
      _count: { _all: true },
    }),
    db.assetZoneCheck.groupBy({
      by: ['assetId'],
      where: { assetId: { in: ids }, zone: { in: enabled } },
      _sum: { errors: true },
    }),
    db.assetCheck.groupBy({ by: ['assetId'], where: { assetId: { in: ids } }, _max: { at: true } }),
    db.assetZoneCheck.findMany({
      where: { assetId: { in: ids }, zone: { in: enabled }, zoneReason: { not: null }, errors: { gt: 0 } },
      select: { assetId: true, zone: true, zoneReason: true, errors: true },
    }),
    db.listing.groupBy({
      by: ['assetId', 'zone', 'lastReason'],
      where: { assetId: { in: ids }, zone: { in: enabled }, lastVerdict: 'error' },
      _count: { _all: true },
    }),
  ]);
  const reasonsBy = new Map<string, AssetView['errorReasons']>();
  const addReason = (assetId: string, r: AssetView['errorReasons'][number]) => {
    const list = reasonsBy.get(assetId) ?? [];
    const same = list.find((x) => x.zone === r.zone && x.reason === r.reason);
    if (same) same.targets += r.targets;
    else list.push(r);
    reasonsBy.set(assetId, list);
  };
  for (const c of zoneReasons) addReason(c.assetId, { zone: c.zone, reason: c.zoneReason as ErrorReason, targets: c.errors });
  // AssetZoneCheck.errors already counts the rows that share the zone-level reason.
  const zoneLevel = new Set(zoneReasons.map((c) => `${c.assetId} ${c.zone} ${c.zoneReason}`));
  for (const g of targetReasons) {
    if (zoneLevel.has(`${g.assetId} ${g.zone} ${g.lastReason}`)) continue;
    addReason(g.assetId, { zone: g.zone, reason: (g.lastReason ?? 'invalid_answer') as ErrorReason, targets: g._count._all });
  }
  const listedBy = new Map(listed.map((r) => [r.assetId, r._count._all]));
  const errorsBy = new Map(errors.map((r) => [r.assetId, r._sum.errors ?? 0]));
  const checkedBy = new Map(checks.map((r) => [r.assetId, r._max.at]));
  return assets.map((a) => {
    const nListed = listedBy.get(a.id) ?? 0;
    const nErrors = errorsBy.get(a.id) ?? 0;
    const lastCheckedAt = checkedBy.get(a.id) ?? null;
    const status = nListed > 0 ? 'listed' : lastCheckedAt === null ? 'unchecked' : nErrors > 0 ? 'error' : 'clean';
    return {
      id: a.id,
      kind: a.kind,
      value: a.value,
      display: a.display ?? a.value,
      label: a.label,
      enabled: a.enabled,
      createdAt: a.createdAt,
      targets: targetCount(parseTarget(a.value)),
      status,
      listed: nListed,
      errors: nErrors,
      lastCheckedAt,
      errorReasons: (reasonsBy.get(a.id) ?? []).sort((x, y) => y.targets - x.targets || x.zone.localeCompare(y.zone)),
    };
  });
}
