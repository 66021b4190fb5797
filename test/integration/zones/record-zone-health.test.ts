import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
});
afterAll(() => cleanup());

test('zone health: failures count up with their reason (a generic one when none is given), a healthy sweep clears both; zones not swept keep theirs', async () => {
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  const { recordZoneHealth } = await import('../../../lib/zones/record-zone-health.ts');
  await syncCatalog({ catalog: TEST_CATALOG });
  const t1 = new Date('2026-11-29T10:00:00.000Z');
  const t2 = new Date('2026-11-29T11:00:00.000Z');
  const reason = 'positive test point 127.0.0.2 not listed (NXDOMAIN)';
  const health = async (name: string) => {
    const z = await db.zone.findUniqueOrThrow({ where: { name } });
    return { health: z.health, healthReason: z.healthReason, failedSweeps: z.failedSweeps, healthCheckedAt: z.healthCheckedAt };
  };

  await recordZoneHealth({
    db,
    zoneHealth: [
      { zone: 'bl.test', healthy: false, reason, checkedAt: t1 },
      { zone: 'wl.test', healthy: false, checkedAt: t1 },
    ],
  });
  expect(await health('wl.test')).toMatchObject({ health: 'unhealthy', healthReason: 'failed its test points', failedSweeps: 1 });
  await recordZoneHealth({
    db,
    zoneHealth: [
      { zone: 'bl.test', healthy: false, reason, checkedAt: t2 },
      { zone: 'wl.test', healthy: true, checkedAt: t2 },
    ],
  });

  expect(await health('bl.test')).toEqual({ health: 'unhealthy', healthReason: reason, failedSweeps: 2, healthCheckedAt: t2 });
  expect(await health('wl.test')).toEqual({ health: 'healthy', healthReason: null, failedSweeps: 0, healthCheckedAt: t2 });
  expect(await health('dbl.test')).toEqual({ health: 'unknown', healthReason: null, failedSweeps: 0, healthCheckedAt: null });
});
