import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import type { ListingRowState } from '../../../lib/sweeps/plan-listing-change.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
});
afterAll(() => cleanup());

const listed = (at: Date): ListingRowState => ({
  state: 'listed',
  lastVerdict: 'listed',
  lastReason: null,
  codes: '["127.0.0.2"]',
  meanings: '["Direct spam source"]',
  txt: 'Listed: see https://bl.test/lookup',
  cleanStreak: 0,
  since: at,
  firstListedAt: at,
});

test('a batch creates, updates only the given fields, deletes, and records events; its times read, compare and sort like Prisma-written ones', async () => {
  const { writeListingBatch } = await import('../../../lib/sweeps/write-listing-batch.ts');
  const { createAsset } = await import('../../../lib/assets/create-asset.ts');
  const { id: assetId } = await createAsset({ value: '198.51.100.0/30' });
  const t1 = new Date('2026-11-29T10:00:00.120Z');
  const key = (target: string) => ({ assetId, target, zone: 'bl.test' });
  const event = { kind: 'listed' as const, codes: '["127.0.0.2"]', meanings: '["Direct spam source"]', txt: null };
  const created = await writeListingBatch({
    db,
    jobRunId: 'run-1',
    now: t1,
    writes: [
      { ...key('198.51.100.1'), op: 'create', data: listed(t1), event },
      { ...key('198.51.100.2'), op: 'create', data: listed(t1), event },
      { ...key('198.51.100.3'), op: 'create', data: { ...listed(t1), state: 'unknown', lastVerdict: 'error', lastReason: 'timeout', firstListedAt: null } },
    ],
  });
  expect(created).toBe(2);
  // A row Prisma writes itself, one ms later: raw and Prisma-written times must order correctly against each other.
  await db.listing.create({ data: { ...key('198.51.100.0'), ...listed(new Date(t1.getTime() + 1)), lastCheckedAt: new Date(t1.getTime() + 1) } });
  const first = await db.listing.findUniqueOrThrow({ where: { assetId_target_zone: key('198.51.100.1') } });
  expect(first).toMatchObject({ state: 'listed', codes: '["127.0.0.2"]', since: t1, firstListedAt: t1, lastCheckedAt: t1, cleanStreak: 0 });
  expect((await db.listing.findUniqueOrThrow({ where: { assetId_target_zone: key('198.51.100.3') } })).firstListedAt).toBeNull();
  expect(await db.listing.count({ where: { since: { gte: t1 } } })).toBe(4);
  expect(await db.listing.count({ where: { since: { gt: t1 } } })).toBe(1);
  const byTime = await db.listing.findMany({ orderBy: [{ since: 'desc' }, { target: 'asc' }], select: { target: true } });
  expect(byTime.map((r) => r.target)).toEqual(['198.51.100.0', '198.51.100.1', '198.51.100.2', '198.51.100.3']);
  const events = await db.listingEvent.findMany({ where: { assetId }, orderBy: { target: 'asc' } });
  expect(events.map((e) => [e.target, e.kind, e.at.toISOString(), e.jobRunId, e.txt])).toEqual([
    ['198.51.100.1', 'listed', t1.toISOString(), 'run-1', null],
    ['198.51.100.2', 'listed', t1.toISOString(), 'run-1', null],
  ]);

  const t2 = new Date('2026-11-30T08:00:00.000Z');
  await writeListingBatch({
    db,
    jobRunId: null,
    now: t2,
    writes: [
      // A clean sweep on a listing: the streak and last verdict change, the codes and times of the listing stay.
      { ...key('198.51.100.1'), op: 'update', data: { cleanStreak: 1, lastVerdict: 'not_listed', lastReason: null } },
      // A delisting: the state and `since` change; a null TXT clears it.
      {
        ...key('198.51.100.2'),
        op: 'update',
        data: { state: 'not_listed', since: t2, cleanStreak: 0, lastVerdict: 'not_listed', txt: null },
        event: { ...event, kind: 'delisted' },
      },
      { ...key('198.51.100.3'), op: 'delete' },
    ],
  });
  expect(await db.listing.findUniqueOrThrow({ where: { assetId_target_zone: key('198.51.100.1') } })).toMatchObject({
    state: 'listed',
    lastVerdict: 'not_listed',
    cleanStreak: 1,
    codes: '["127.0.0.2"]',
    txt: 'Listed: see https://bl.test/lookup',
    since: t1,
    firstListedAt: t1,
    lastCheckedAt: t2,
  });
  expect(await db.listing.findUniqueOrThrow({ where: { assetId_target_zone: key('198.51.100.2') } })).toMatchObject({
    state: 'not_listed',
    since: t2,
    firstListedAt: t1,
    txt: null,
    lastCheckedAt: t2,
  });
  expect(await db.listing.findUnique({ where: { assetId_target_zone: key('198.51.100.3') } })).toBeNull();
  expect(await db.listing.count({ where: { assetId } })).toBe(3);
  const delisted = await db.listingEvent.findMany({ where: { kind: 'delisted' } });
  expect(delisted.map((e) => [e.target, e.at.toISOString(), e.jobRunId])).toEqual([['198.51.100.2', t2.toISOString(), null]]);
});
