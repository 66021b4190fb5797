import type { PrismaClient, Zone } from '../generated/prisma/client.ts';
import type { ZoneDefinition } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { readZoneDefinition } from './read-zone-definition.ts';
import { isQueryable } from './zone-rules.ts';

/** The enabled, queryable zones a sweep uses, by name, with their rows (budget counters) and definitions. */
export async function loadSweepZones(params: { db?: PrismaClient } = {}): Promise<{ rows: Zone[]; definitions: ZoneDefinition[] }> {
  const db = params.db ?? prisma;
  const all = await db.zone.findMany({ where: { enabled: true }, orderBy: { name: 'asc' } });
  const rows: Zone[] = [];
  const definitions: ZoneDefinition[] = [];
  for (const row of all) {
    const def = readZoneDefinition(row);
    if (!isQueryable(def)) continue;
    rows.push(row);
    definitions.push(def);
  }
  return { rows, definitions };
}
