import type { KeyType, ZoneDefinition } from './types.ts';

/**
 * True when the zone is keyed on `keyType` and so may receive that query (design §5: a zone only receives its
 * key type). An IPv6 target on an IPv4-only zone is `not_applicable`, never `not_listed` (case BL-11).
 * Its own module so that the sweep engine does not load the catalog (zod, catalog.json) to call it.
 */
export function zoneAppliesTo(zone: ZoneDefinition, keyType: KeyType): boolean {
  return zone.keyTypes.includes(keyType);
}
