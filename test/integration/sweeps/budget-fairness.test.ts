import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';
import { CLEAN, fakeEngine, NO_CLIENT } from '../helpers/fake-engine.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let lib: {
  sweepAssets: typeof import('../../../lib/sweeps/sweep-assets.ts').sweepAssets;
  createAsset: typeof import('../../../lib/assets/create-asset.ts').createAsset;
  syncCatalog: typeof import('../../../lib/zones/sync-catalog.ts').syncCatalog;
  getAsset: typeof import('../../../lib/assets/get-asset.ts').getAsset;
  getOverview: typeof import('../../../lib/overview/get-overview.ts').getOverview;
};

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  lib = {
    ...(await import('../../../lib/sweeps/sweep-assets.ts')),
    ...(await import('../../../lib/assets/create-asset.ts')),
    ...(await import('../../../lib/zones/sync-catalog.ts')),
    ...(await import('../../../lib/assets/get-asset.ts')),
    ...(await import('../../../lib/overview/get-overview.ts')),
  };
});
afterAll(() => cleanup());
beforeEach(async () => {
  await clearTables(db);
  await lib.syncCatalog({ catalog: TEST_CATALOG });
});

const now = () => new Date('2026-11-29T15:30:00.000Z');

test('a short budget is spent on single IPs before ranges, even when the range was added first', async () => {
  const range = await lib.createAsset({ value: '198.51.100.0/28' });
  const ip = await lib.createAsset({ value: '192.0.2.1' });
  await db.zone.update({ where: { name: 'bl.test' }, data: { dailyBudget: 5 } });
  const engine = fakeEngine({ answer: () => CLEAN });
  await lib.sweepAssets({ runSweep: engine.runSweep, client: NO_CLIENT, jobRunId: null, now });

  const single = await lib.getAsset({ id: ip.id });
  expect(single).toMatchObject({ status: 'clean', errors: 0, errorReasons: [] });
  const wide = await lib.getAsset({ id: range.id });
  expect(wide.status).toBe('error');
  // 5 queries: 1 for the IP, 4 for the range; the range's other 12 addresses are out of budget.
  expect(wide.errorReasons).toEqual([{ zone: 'bl.test', reason: 'budget_exhausted', targets: 12 }]);
});

test('a whole asset out of budget names the zone; the overview counts the zone and says when budgets reset', async () => {
  const { id } = await lib.createAsset({ value: '198.51.100.0/28' });
  await db.zone.update({ where: { name: 'bl.test' }, data: { dailyBudget: 1, budgetDay: '2026-11-29', budgetUsed: 1 } });
  const engine = fakeEngine({ answer: () => CLEAN });
  await lib.sweepAssets({ runSweep: engine.runSweep, client: NO_CLIENT, jobRunId: null, now });

  const asset = await lib.getAsset({ id });
  expect(asset.status).toBe('error');
  expect(asset.errorReasons).toEqual([{ zone: 'bl.test', reason: 'budget_exhausted', targets: 16 }]);
  const overview = await lib.getOverview({ now });
  expect(overview.zonesBudgetExhausted).toBe(1);
  expect(overview.budgetExhaustedZones).toEqual(['bl.test']);
  expect(overview.budgetResetsAt.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  // Yesterday's exhausted counter is not today's.
  const tomorrow = await lib.getOverview({ now: () => new Date('2026-11-30T00:00:01.000Z') });
  expect(tomorrow.zonesBudgetExhausted).toBe(0);
});
