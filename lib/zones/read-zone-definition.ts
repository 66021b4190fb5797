import type { Zone } from '../generated/prisma/client.ts';
import type { ZoneDefinition } from '../dnsbl/types.ts';
import { ZZoneDefinition } from '../dnsbl/zone-catalog.ts';

/**
 * The ZoneDefinition stored as JSON in a Zone row (written by syncCatalog from the shipped catalog).
 * @throws Error naming the zone when the stored JSON does not match the definition schema.
 */
export function readZoneDefinition(row: Pick<Zone, 'name' | 'definition'>): ZoneDefinition {
  const parsed = ZZoneDefinition.safeParse(JSON.parse(row.definition));
  if (!parsed.success) throw new Error(`zone ${row.name}: stored definition is invalid: ${parsed.error.message}`);
  return parsed.data as ZoneDefinition;
}
