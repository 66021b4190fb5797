import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let createZoneBudget: typeof import('../../../lib/zones/create-zone-budget.ts').createZoneBudget;

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  ({ createZoneBudget } = await import('../../../lib/zones/create-zone-budget.ts'));
});
afterAll(() => cleanup());
beforeEach(async () => {
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  await clearTables(db);
  await syncCatalog({ catalog: TEST_CATALOG });
});

/** A clock the test moves. */
function clock(iso: string) {
  let at = new Date(iso);
  return { now: () => at, set: (next: string) => (at = new Date(next)) };
}

const zoneRows = () => db.zone.findMany({ where: { enabled: true } });
const counter = async (name: string) => {
  const z = await db.zone.findUniqueOrThrow({ where: { name } });
  return { budgetDay: z.budgetDay, budgetUsed: z.budgetUsed };
};

test("two processes' counts for the same UTC day add up; zones nobody queried keep their counters", async () => {
  const c = clock('2026-11-29T10:00:00.000Z');
  // Two processes load the same rows, then count independently.
  const rows = await zoneRows();
  const a = createZoneBudget({ zones: rows, db, now: c.now });
  const b = createZoneBudget({ zones: rows, db, now: c.now });
  expect(a.take('bl.test', 3)).toBe(true);
  expect(b.take('bl.test', 4)).toBe(true);
  await a.flush();
  await b.flush();
  expect(await counter('bl.test')).toEqual({ budgetDay: '2026-11-29', budgetUsed: 7 });
  expect(await counter('wl.test')).toEqual({ budgetDay: null, budgetUsed: 0 });
  // A flush writes only what was taken since the last one.
  expect(a.take('bl.test', 1)).toBe(true);
  await a.flush();
  await a.flush();
  expect(await counter('bl.test')).toEqual({ budgetDay: '2026-11-29', budgetUsed: 8 });
});

test('a budget starts from the count stored for today, refuses past the limit, and starts again at 00:00 UTC', async () => {
  await db.zone.update({ where: { name: 'bl.test' }, data: { dailyBudget: 5, budgetDay: '2026-11-29', budgetUsed: 3 } });
  const c = clock('2026-11-29T23:59:59.999Z');
  const budget = createZoneBudget({ zones: await zoneRows(), db, now: c.now });
  expect(budget.take('bl.test', 3)).toBe(false);
  expect(budget.take('bl.test', 2)).toBe(true);
  expect(budget.take('bl.test', 1)).toBe(false);
  await budget.flush();
  expect(await counter('bl.test')).toEqual({ budgetDay: '2026-11-29', budgetUsed: 5 });

  c.set('2026-11-30T00:00:00.000Z');
  expect(budget.take('bl.test', 4)).toBe(true);
  expect(budget.take('bl.test', 2)).toBe(false);
  await budget.flush();
  // The new day's count replaces yesterday's instead of adding to it.
  expect(await counter('bl.test')).toEqual({ budgetDay: '2026-11-30', budgetUsed: 4 });

  // A budget loaded from yesterday's stored count starts at zero today.
  const later = createZoneBudget({ zones: await zoneRows(), db, now: () => new Date('2026-12-01T08:00:00.000Z') });
  expect(later.take('bl.test', 5)).toBe(true);
  await later.flush();
  expect(await counter('bl.test')).toEqual({ budgetDay: '2026-12-01', budgetUsed: 5 });
});

test("after midnight the first flush restarts the stored count, whichever process makes it; the others' then add to it", async () => {
  const c = clock('2026-11-29T23:59:00.000Z');
  const rows = await zoneRows();
  const slow = createZoneBudget({ zones: rows, db, now: c.now });
  const fast = createZoneBudget({ zones: rows, db, now: c.now });
  expect(slow.take('wl.test', 6)).toBe(true);
  await slow.flush();
  c.set('2026-11-30T00:00:30.000Z');
  expect(fast.take('wl.test', 2)).toBe(true);
  await fast.flush();
  expect(await counter('wl.test')).toEqual({ budgetDay: '2026-11-30', budgetUsed: 2 });
  expect(slow.take('wl.test', 1)).toBe(true);
  await slow.flush();
  expect(await counter('wl.test')).toEqual({ budgetDay: '2026-11-30', budgetUsed: 3 });
});
