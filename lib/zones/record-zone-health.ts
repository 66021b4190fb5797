import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ZoneHealth } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';

/**
 * Persist each zone's health after a sweep (RFC 5782 §5 test points): `healthy` resets the consecutive failure
 * count; `unhealthy` stores the reason and increments `failedSweeps` (BL-07: a zone failing many sweeps in a
 * row is dead or needs registration). One transaction.
 */
export async function recordZoneHealth(params: { zoneHealth: ZoneHealth[]; db?: PrismaClient }): Promise<void> {
  const db = params.db ?? prisma;
  if (params.zoneHealth.length === 0) return;
  await db.$transaction(
    params.zoneHealth.map((h) =>
      db.zone.updateMany({
        where: { name: h.zone },
        data: h.healthy
          ? { health: 'healthy', healthReason: null, healthCheckedAt: h.checkedAt, failedSweeps: 0 }
          : {
              health: 'unhealthy',
              healthReason: h.reason ?? 'failed its test points',
              healthCheckedAt: h.checkedAt,
              failedSweeps: { increment: 1 },
            },
      }),
    ),
  );
}
