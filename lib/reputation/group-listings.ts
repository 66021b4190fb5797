import type { Severity, ZoneDefinition } from '../dnsbl/types.ts';
import { listingSeverity } from './listing-severity.ts';
import type { ListingInput, ReputationInputs } from './types.ts';

/** An enabled zone as the listings factor needs it. */
export interface ZoneInfo {
  definition: ZoneDefinition;
  /** The user's weight, 0–10. */
  weight: number;
}

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * The listings input of one asset (pure): its confirmed listings (Listing.state `listed`) on enabled zones, one
 * per zone with the worst severity among its listed addresses (a range counts each zone once and says how many
 * addresses are listed), and the zones that answered for it in its last sweep (AssetZoneCheck with a listed or
 * not-listed verdict; zones that only errored do not count as checked). Null when no zone has answered and
 * nothing is listed: the asset has not been swept yet.
 */
export function groupListings(params: {
  assetValue: string;
  listings: { zone: string; codes: string }[];
  checks: { zone: string; listed: number; notListed: number }[];
  zones: Map<string, ZoneInfo>;
}): NonNullable<ReputationInputs['listings']> & { checkedZones: string[] } | null {
  const byZone = new Map<string, ListingInput>();
  for (const row of params.listings) {
    const zone = params.zones.get(row.zone);
    if (!zone) continue;
    const codes = JSON.parse(row.codes) as string[];
    const severity = listingSeverity({ definition: zone.definition, codes });
    const prev = byZone.get(row.zone);
    const worse = !prev || ORDER.indexOf(severity) > ORDER.indexOf(prev.severity);
    byZone.set(row.zone, {
      target: params.assetValue,
      zone: row.zone,
      zoneName: zone.definition.name,
      polarity: zone.definition.polarity,
      severity: worse ? severity : (prev as ListingInput).severity,
      zoneWeight: zone.weight,
      codes: worse ? codes : (prev as ListingInput).codes,
      listedTargets: (prev?.listedTargets ?? 0) + 1,
    });
  }
  const checkedZones = params.checks.filter((c) => params.zones.has(c.zone) && c.listed + c.notListed > 0).map((c) => c.zone);
  if (checkedZones.length === 0 && byZone.size === 0) return null;
  const listings = [...byZone.values()].sort((a, b) => ORDER.indexOf(b.severity) - ORDER.indexOf(a.severity) || b.zoneWeight - a.zoneWeight || a.zone.localeCompare(b.zone));
  return { listings, zonesChecked: new Set([...checkedZones, ...byZone.keys()]).size, checkedZones };
}

/** Listings inputs of several assets behind one subject (a server: its egress IPs and From domain), zones counted once. */
export function mergeListings(parts: ReturnType<typeof groupListings>[]): ReputationInputs['listings'] {
  const present = parts.filter((p): p is NonNullable<typeof p> => p !== null);
  if (present.length === 0) return null;
  const zones = new Set(present.flatMap((p) => [...p.checkedZones, ...p.listings.map((l) => l.zone)]));
  return { listings: present.flatMap((p) => p.listings), zonesChecked: zones.size };
}
