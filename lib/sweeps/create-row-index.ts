import type { ListingRowState } from './plan-listing-change.ts';

/** The Listing rows of a sweep's assets in memory, by (asset id, zone, target). */
export interface RowIndex {
  get(assetId: string, zone: string, target: string): ListingRowState | undefined;
  set(assetId: string, zone: string, target: string, row: ListingRowState): void;
  delete(assetId: string, zone: string, target: string): void;
}

/**
 * An empty RowIndex: nested maps looked up with the result's own strings, so the lookup made for every result
 * (most of which have no row) builds no key string.
 */
export function createRowIndex(): RowIndex {
  const byAsset = new Map<string, Map<string, Map<string, ListingRowState>>>();
  return {
    get: (assetId, zone, target) => byAsset.get(assetId)?.get(zone)?.get(target),
    set(assetId, zone, target, row) {
      let byZone = byAsset.get(assetId);
      if (!byZone) byAsset.set(assetId, (byZone = new Map()));
      let byTarget = byZone.get(zone);
      if (!byTarget) byZone.set(zone, (byTarget = new Map()));
      byTarget.set(target, row);
    },
    delete(assetId, zone, target) {
      byAsset.get(assetId)?.get(zone)?.delete(target);
    },
  };
}
