import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toZoneView } from './zone-view.ts';
import type { ZoneView } from './zone-view.ts';

/** Every zone (enabled first, then by name) as `GET /api/zones` answers. */
export async function listZones(params: { db?: PrismaClient; now?: () => Date } = {}): Promise<ZoneView[]> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const rows = await db.zone.findMany({ orderBy: [{ enabled: 'desc' }, { name: 'asc' }] });
  return rows.map((r) => toZoneView(r, now));
}
