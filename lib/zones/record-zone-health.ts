import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ZoneHealth } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { formatSqliteTime } from '../sweeps/format-sqlite-time.ts';

/**
 * Persist each zone's health after a sweep (RFC 5782 §5 test points): `healthy` resets the consecutive failure
 * count; `unhealthy` stores the reason and increments `failedSweeps` (BL-07: a zone failing many sweeps in a
 * row is dead or needs registration). One UPDATE for all zones (the health list travels as one JSON parameter
 * read with SQLite's `json_each`); `updatedAt` is set to `now` (default: the current time).
 */
export async function recordZoneHealth(params: { zoneHealth: ZoneHealth[]; db?: PrismaClient; now?: Date }): Promise<void> {
  const db = params.db ?? prisma;
  if (params.zoneHealth.length === 0) return;
  const json = JSON.stringify(
    params.zoneHealth.map((h) => ({
      zone: h.zone,
      healthy: h.healthy,
      reason: h.healthy ? null : (h.reason ?? 'failed its test points'),
      checkedAt: formatSqliteTime(h.checkedAt),
    })),
  );
  await db.$executeRaw`
    UPDATE "Zone" SET
      "health" = CASE WHEN h.healthy THEN 'healthy' ELSE 'unhealthy' END,
      "healthReason" = h.reason,
      "healthCheckedAt" = h.checkedAt,
      "failedSweeps" = CASE WHEN h.healthy THEN 0 ELSE "Zone"."failedSweeps" + 1 END,
      "updatedAt" = ${params.now ?? new Date()}
    FROM (SELECT value ->> 'zone' AS zone, value ->> 'healthy' AS healthy, value ->> 'reason' AS reason,
      value ->> 'checkedAt' AS checkedAt FROM json_each(${json})) AS h
    WHERE "Zone"."name" = h.zone`;
}
