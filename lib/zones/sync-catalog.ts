import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ZoneDefinition } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { loadCatalog, ZZoneDefinition } from '../dnsbl/zone-catalog.ts';
import { isQueryable } from './zone-rules.ts';

/**
 * Upsert every catalog zone into the Zone table; run at every start (web and worker) before the scheduler.
 * - The stored definition is replaced by the shipped one (list changes are data updates, design §5).
 * - New rows take `enabledByDefault`, `weight` and `dailyBudget` from the catalog; existing rows keep the user's
 *   `enabled`, `weight` and `dailyBudget`.
 * - Retired and wildcard zones are forced disabled (BL-06, BL-07); catalog rows no longer shipped are disabled.
 * @throws Error naming the zone when a definition does not match ZZoneDefinition (nothing is written then).
 * @returns counts of rows created, updated and disabled by this call.
 */
export async function syncCatalog(
  params: { db?: PrismaClient; catalog?: ZoneDefinition[] } = {},
): Promise<{ created: number; updated: number; disabled: number }> {
  const db = params.db ?? prisma;
  const catalog = params.catalog ?? loadCatalog();
  for (const def of catalog) {
    const parsed = ZZoneDefinition.safeParse(def);
    if (!parsed.success) throw new Error(`zone ${def.zone}: definition is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const existing = new Map((await db.zone.findMany({ select: { name: true, enabled: true } })).map((z) => [z.name, z]));
  let created = 0;
  let updated = 0;
  let disabled = 0;
  const ops = catalog.map((def) => {
    const queryable = isQueryable(def);
    const row = existing.get(def.zone);
    if (!row) {
      created++;
      return db.zone.create({
        data: {
          name: def.zone,
          definition: JSON.stringify(def),
          source: 'catalog',
          enabled: queryable && def.enabledByDefault,
          weight: def.weight,
          dailyBudget: def.dailyBudget ?? null,
        },
      });
    }
    updated++;
    if (!queryable && row.enabled) disabled++;
    return db.zone.update({
      where: { name: def.zone },
      data: { definition: JSON.stringify(def), source: 'catalog', ...(queryable ? {} : { enabled: false }) },
    });
  });
  const shipped = catalog.map((d) => d.zone);
  const dropped = await db.zone.count({ where: { source: 'catalog', enabled: true, name: { notIn: shipped } } });
  disabled += dropped;
  await db.$transaction([
    ...ops,
    db.zone.updateMany({ where: { source: 'catalog', name: { notIn: shipped } }, data: { enabled: false } }),
  ]);
  return { created, updated, disabled };
}
