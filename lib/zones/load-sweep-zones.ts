import type { PrismaClient, Zone } from '../generated/prisma/client.ts';
import type { ZoneDefinition } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { readZoneDefinition } from './read-zone-definition.ts';
import { readZoneKeys } from './read-zone-keys.ts';
import { isQueryable } from './zone-rules.ts';

/**
 * The enabled, queryable zones a sweep uses, by name, with their rows (budget counters), catalog definitions and
 * the account keys of keyed zones (`keys`, by zone name; apply them with applyZoneKeys). A keyed zone without a
 * key is left out: queried without it, it would only answer errors.
 */
export async function loadSweepZones(
  params: { db?: PrismaClient } = {},
): Promise<{ rows: Zone[]; definitions: ZoneDefinition[]; keys: Map<string, string> }> {
  const db = params.db ?? prisma;
  const [all, keys] = await Promise.all([
    db.zone.findMany({ where: { enabled: true }, orderBy: { name: 'asc' } }),
    readZoneKeys({ db }),
  ]);
  const rows: Zone[] = [];
  const definitions: ZoneDefinition[] = [];
  for (const row of all) {
    const def = readZoneDefinition(row);
    if (!isQueryable(def) || (def.status === 'keyed' && !keys.has(def.zone))) continue;
    rows.push(row);
    definitions.push(def);
  }
  return { rows, definitions, keys };
}
