import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toZoneView } from './zone-view.ts';
import type { ZoneView } from './zone-view.ts';

/** Every zone (enabled first, then by name) as `GET /api/zones` answers; keyed zones say whether a key is stored. */
export async function listZones(params: { db?: PrismaClient; now?: () => Date } = {}): Promise<ZoneView[]> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const [rows, keys] = await Promise.all([
    db.zone.findMany({ orderBy: [{ enabled: 'desc' }, { name: 'asc' }] }),
    db.setting.findMany({ where: { key: { startsWith: 'zoneKey:' } }, select: { key: true } }),
  ]);
  const keyed = new Set(keys.map((k) => k.key.slice('zoneKey:'.length)));
  return rows.map((r) => toZoneView(r, now, keyed.has(r.name)));
}
