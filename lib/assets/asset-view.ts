import type { Asset, PrismaClient } from '../generated/prisma/client.ts';
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
}

/**
 * Shape assets for the API with their status, in four queries whatever the number of assets.
 */
export async function toAssetViews(params: { db: PrismaClient; assets: Asset[] }): Promise<AssetView[]> {
  const { db, assets } = params;
  if (assets.length === 0) return [];
  const ids = assets.map((a) => a.id);
  const zones = await db.zone.findMany({ where: { enabled: true }, select: { name: true, definition: true } });
  const enabled = zones.map((z) => z.name);
  const block = zones.filter((z) => readZoneDefinition(z).polarity === 'block').map((z) => z.name);
  const [listed, errors, checks] = await Promise.all([
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
  ]);
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
    };
  });
}
