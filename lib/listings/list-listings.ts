import { z } from 'zod';
import type { Listing, PrismaClient } from '../generated/prisma/client.ts';
import type { ZoneDefinition } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { ZPagingParams } from '../http/schema.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { targetAddresses } from '../dnsbl/expand-range.ts';
import { ipv4ToInt } from '../dnsbl/parse-ip.ts';
import { zoneAppliesTo } from '../dnsbl/zone-catalog.ts';
import { findAssetOrThrow } from '../assets/get-asset.ts';
import { keyTypeOfAsset } from '../assets/key-type-of-asset.ts';
import { loadSweepZones } from '../zones/load-sweep-zones.ts';
import { toListingView } from './listing-view.ts';
import type { ListingView } from './listing-view.ts';

/** `GET /api/assets/:id/listings` query: an optional verdict filter and paging (limit ≤ 10000, default 1000). */
export const ZListingsQuery = ZPagingParams.extend({
  verdict: z.enum(['listed', 'not_listed', 'error', 'not_applicable']).optional(),
}).strict();
export type TListingsQuery = z.infer<typeof ZListingsQuery>;

/**
 * One row per (target, zone) for every enabled zone the asset's last sweep covered (zones never checked for
 * this asset are omitted; a never-checked asset has no rows). Zones of another key type give `not_applicable`
 * rows. Order: listed first, then errors, then the rest; each group by target (address order) then zone.
 * Rows are synthesised lazily from the sparse Listing table and AssetZoneCheck, so a /16 pages cheaply.
 * @throws AppError('not_found') for an unknown asset.
 */
export async function listListings(params: { assetId: string; query?: Partial<TListingsQuery>; db?: PrismaClient }): Promise<ListingView[]> {
  const db = params.db ?? prisma;
  const { verdict, limit = 1000, offset = 0 } = params.query ?? {};
  const asset = await findAssetOrThrow({ id: params.assetId, db });
  const target = parseTarget(asset.value);
  const keyType = keyTypeOfAsset(target);
  const [{ definitions }, checks, stored, first] = await Promise.all([
    loadSweepZones({ db }),
    db.assetZoneCheck.findMany({ where: { assetId: asset.id } }),
    db.listing.findMany({ where: { assetId: asset.id } }),
    db.assetCheck.findFirst({ where: { assetId: asset.id }, orderBy: { at: 'asc' } }),
  ]);
  const checkOf = new Map(checks.map((c) => [c.zone, c]));
  const zones: ZoneDefinition[] = definitions.filter((z) => checkOf.has(z.zone));
  if (!first || zones.length === 0) return [];
  const rowOf = new Map(stored.map((r) => [`${r.target}\u0000${r.zone}`, r]));
  const base = target.kind === 'range' ? ipv4ToInt(target.network) : 0;
  const order = (t: string) => (target.kind === 'range' ? ipv4ToInt(t) - base : 0);
  const zoneIndex = new Map(zones.map((z, i) => [z.zone, i]));
  const cell = (t: string, z: ZoneDefinition, row: Listing | undefined) =>
    toListingView({
      target: t,
      zone: z.zone,
      applies: zoneAppliesTo(z, keyType),
      row,
      check: checkOf.get(z.zone)!,
      firstCheckAt: first.at,
      ...(z.delistUrl ? { delistUrl: z.delistUrl } : {}),
    });
  const sortedRows = (v: string) =>
    stored
      .filter((r) => r.lastVerdict === v && zoneIndex.has(r.zone) && zoneAppliesTo(zones[zoneIndex.get(r.zone)!], keyType))
      .sort((a, b) => order(a.target) - order(b.target) || zoneIndex.get(a.zone)! - zoneIndex.get(b.zone)!);
  function* grid(keep: (v: ListingView) => boolean): Generator<ListingView> {
    for (const t of targetAddresses(target)) {
      for (const z of zones) {
        const v = cell(t, z, rowOf.get(`${t}\u0000${z.zone}`));
        if (keep(v)) yield v;
      }
    }
  }
  function* listed(): Generator<ListingView> {
    for (const r of sortedRows('listed')) yield cell(r.target, zones[zoneIndex.get(r.zone)!], r);
  }
  function* errors(): Generator<ListingView> {
    if (checks.some((c) => c.zoneReason && zoneIndex.has(c.zone))) {
      yield* grid((v) => v.verdict === 'error');
      return;
    }
    for (const r of sortedRows('error')) yield cell(r.target, zones[zoneIndex.get(r.zone)!], r);
  }
  const rest = (only?: string) => grid((v) => v.verdict !== 'listed' && v.verdict !== 'error' && (!only || v.verdict === only));
  const passes =
    verdict === 'listed' ? [listed()] : verdict === 'error' ? [errors()] : verdict ? [rest(verdict)] : [listed(), errors(), rest()];
  const out: ListingView[] = [];
  let skipped = 0;
  for (const pass of passes) {
    for (const v of pass) {
      if (skipped < offset) {
        skipped++;
        continue;
      }
      out.push(v);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
