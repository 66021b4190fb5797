import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT } from '../helpers/fake-engine.ts';

// Every writeListingBatch call, with its number of writes and the transactions it opened.
const { batches } = vi.hoisted(() => ({ batches: [] as { writes: number; transactions: number }[] }));
vi.mock('../../../lib/sweeps/write-listing-batch.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../lib/sweeps/write-listing-batch.ts')>();
  return {
    ...orig,
    writeListingBatch: async (p: Parameters<typeof orig.writeListingBatch>[0]) => {
      const entry = { writes: p.writes.length, transactions: 0 };
      batches.push(entry);
      const db = new Proxy(p.db, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (prop !== '$transaction') return value;
          return (...args: unknown[]) => {
            entry.transactions++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      return orig.writeListingBatch({ ...p, db });
    },
  };
});

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
});
afterAll(() => cleanup());

test('a sweep writes its listings in batches of 500, one transaction each; a second identical sweep writes no event', async () => {
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  const { createAsset } = await import('../../../lib/assets/create-asset.ts');
  const { sweepAssets, BATCH_SIZE } = await import('../../../lib/sweeps/sweep-assets.ts');
  await syncCatalog({ catalog: TEST_CATALOG });
  const { id } = await createAsset({ value: '198.51.100.0/22' });
  // Every address of the /22 listed on bl.test: 1,024 new listings, each an event.
  const listedOnBl = (_t: string, z: string) => (z === 'bl.test' ? LISTED() : CLEAN);

  const first = await sweepAssets({ runSweep: fakeEngine({ answer: listedOnBl }).runSweep, client: NO_CLIENT, jobRunId: null });
  expect(BATCH_SIZE).toBe(500);
  expect(batches.filter((b) => b.writes > 0)).toEqual([
    { writes: 500, transactions: 1 },
    { writes: 500, transactions: 1 },
    { writes: 24, transactions: 1 },
  ]);
  expect(first.events).toEqual({ listed: 1024, delisted: 0 });
  expect(await db.listingEvent.count({ where: { assetId: id } })).toBe(1024);
  expect(await db.listing.count({ where: { assetId: id, state: 'listed' } })).toBe(1024);

  batches.length = 0;
  const second = await sweepAssets({ runSweep: fakeEngine({ answer: listedOnBl }).runSweep, client: NO_CLIENT, jobRunId: null });
  expect(second.events).toEqual({ listed: 0, delisted: 0 });
  expect(batches.filter((b) => b.writes > 0)).toEqual([]);
  expect(await db.listingEvent.count({ where: { assetId: id } })).toBe(1024);
});
