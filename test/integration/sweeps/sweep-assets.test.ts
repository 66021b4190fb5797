import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT, TIMEOUT } from '../helpers/fake-engine.ts';
import type { Answer } from '../helpers/fake-engine.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let sweepAssets: typeof import('../../../lib/sweeps/sweep-assets.ts').sweepAssets;
let createAsset: typeof import('../../../lib/assets/create-asset.ts').createAsset;
let syncCatalog: typeof import('../../../lib/zones/sync-catalog.ts').syncCatalog;
let listListings: typeof import('../../../lib/listings/list-listings.ts').listListings;
let getAsset: typeof import('../../../lib/assets/get-asset.ts').getAsset;

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  ({ sweepAssets } = await import('../../../lib/sweeps/sweep-assets.ts'));
  ({ createAsset } = await import('../../../lib/assets/create-asset.ts'));
  ({ syncCatalog } = await import('../../../lib/zones/sync-catalog.ts'));
  ({ listListings } = await import('../../../lib/listings/list-listings.ts'));
  ({ getAsset } = await import('../../../lib/assets/get-asset.ts'));
});
afterAll(() => cleanup());
beforeEach(async () => {
  await clearTables(db);
  await syncCatalog({ catalog: TEST_CATALOG });
});

async function sweep(answer: (t: string, z: string) => Answer, opts: { unhealthy?: string[]; assetId?: string } = {}) {
  const engine = fakeEngine({ answer, unhealthy: opts.unhealthy });
  const summary = await sweepAssets({ runSweep: engine.runSweep, client: NO_CLIENT, jobRunId: null, ...(opts.assetId ? { assetId: opts.assetId } : {}) });
  return { summary, confirmed: engine.confirmed };
}

const listedOnBl = (t: string, z: string) => (z === 'bl.test' ? LISTED() : CLEAN);

test('a new listing is confirmed, stored and recorded as one event; an identical second sweep adds no event', async () => {
  const { id } = await createAsset({ value: '192.0.2.1' });
  const first = await sweep(listedOnBl);
  expect(first.confirmed).toEqual(['192.0.2.1 bl.test']);
  expect(first.summary.events).toEqual({ listed: 1, delisted: 0 });
  const row = await db.listing.findUniqueOrThrow({ where: { assetId_target_zone: { assetId: id, target: '192.0.2.1', zone: 'bl.test' } } });
  expect(row.state).toBe('listed');
  expect(JSON.parse(row.codes)).toEqual(['127.0.0.2']);
  expect(row.firstListedAt).not.toBeNull();
  const second = await sweep(listedOnBl);
  expect(second.confirmed).toEqual([]);
  expect(second.summary.events).toEqual({ listed: 0, delisted: 0 });
  const events = await db.listingEvent.findMany({ where: { assetId: id } });
  expect(events.map((e) => [e.kind, e.target, e.zone])).toEqual([['listed', '192.0.2.1', 'bl.test']]);
  expect(JSON.parse(events[0].meanings)).toEqual(['Direct spam source']);
  expect(events[0].txt).toBe('Listed: see https://bl.test/lookup');
  expect((await getAsset({ id })).status).toBe('listed');
  expect((await getAsset({ id })).listed).toBe(1);
  expect(await db.assetCheck.count({ where: { assetId: id } })).toBe(2);
});

test('one clean sweep keeps a listing; the second clean sweep delists it with one event carrying the old codes', async () => {
  const { id } = await createAsset({ value: '192.0.2.1' });
  await sweep(listedOnBl);
  await sweep(() => CLEAN);
  const after1 = await db.listing.findFirstOrThrow({ where: { assetId: id, zone: 'bl.test' } });
  expect(after1.state).toBe('listed');
  expect(after1.cleanStreak).toBe(1);
  expect(after1.lastVerdict).toBe('not_listed');
  // What the user sees meanwhile: still listed, delisting pending (1 of 2 clean sweeps), the old codes kept.
  const pending = (await listListings({ assetId: id })).find((r) => r.zone === 'bl.test')!;
  expect(pending).toMatchObject({
    verdict: 'not_listed',
    state: 'listed',
    pendingDelisting: true,
    cleanSweeps: 1,
    cleanSweepsNeeded: 2,
    codes: ['127.0.0.2'],
    delistUrl: 'https://bl.test/delist',
  });
  expect((await getAsset({ id })).status).toBe('listed');
  await sweep(() => CLEAN);
  const after2 = await db.listing.findFirstOrThrow({ where: { assetId: id, zone: 'bl.test' } });
  expect(after2.state).toBe('not_listed');
  const events = await db.listingEvent.findMany({ where: { assetId: id }, orderBy: { at: 'asc' } });
  expect(events.map((e) => e.kind)).toEqual(['listed', 'delisted']);
  expect(JSON.parse(events[1].codes)).toEqual(['127.0.0.2']);
  expect((await getAsset({ id })).status).toBe('clean');
  const rows = await listListings({ assetId: id });
  const bl = rows.find((r) => r.zone === 'bl.test')!;
  expect(bl).toMatchObject({ verdict: 'not_listed', state: 'not_listed', codes: [] });
  expect(bl.pendingDelisting).toBeUndefined();
  expect(bl.firstListedAt).toEqual(after2.firstListedAt);
});

test('a listing, a clean sweep, then a listing again: the streak resets and no event is created', async () => {
  const { id } = await createAsset({ value: '192.0.2.1' });
  await sweep(listedOnBl);
  await sweep(() => CLEAN);
  await sweep(listedOnBl);
  const row = await db.listing.findFirstOrThrow({ where: { assetId: id, zone: 'bl.test' } });
  expect(row.cleanStreak).toBe(0);
  expect(await db.listingEvent.count({ where: { assetId: id } })).toBe(1);
});

test('errors never change a state: a timeout keeps a listing; a timeout on a clean target stores an unknown row', async () => {
  const { id } = await createAsset({ value: '192.0.2.1' });
  await sweep(listedOnBl);
  await sweep(() => TIMEOUT);
  await sweep(() => TIMEOUT);
  const listed = await db.listing.findFirstOrThrow({ where: { assetId: id, zone: 'bl.test' } });
  expect(listed).toMatchObject({ state: 'listed', lastVerdict: 'error', lastReason: 'timeout', cleanStreak: 0 });
  expect(await db.listingEvent.count({ where: { assetId: id } })).toBe(1);
  const rows = await listListings({ assetId: id });
  expect(rows.find((r) => r.zone === 'bl.test')).toMatchObject({ verdict: 'error', reason: 'timeout', state: 'listed', codes: ['127.0.0.2'] });
  const { id: other } = await createAsset({ value: '192.0.2.99' });
  await sweep(() => TIMEOUT, { assetId: other });
  const unknown = await db.listing.findFirstOrThrow({ where: { assetId: other, zone: 'bl.test' } });
  expect(unknown).toMatchObject({ state: 'unknown', lastVerdict: 'error', lastReason: 'timeout' });
  expect((await getAsset({ id: other })).status).toBe('error');
  await sweep(() => CLEAN, { assetId: other });
  expect(await db.listing.count({ where: { assetId: other } })).toBe(0);
  expect(await db.listingEvent.count({ where: { assetId: other } })).toBe(0);
  expect((await getAsset({ id: other })).status).toBe('clean');
});

test('zone_unhealthy goes to AssetZoneCheck, not to per-target rows, and reads as an error on every target', async () => {
  const { id } = await createAsset({ value: '198.51.100.0/30' });
  await sweep(() => CLEAN, { unhealthy: ['bl.test'] });
  expect(await db.listing.count({ where: { assetId: id } })).toBe(0);
  const check = await db.assetZoneCheck.findUniqueOrThrow({ where: { assetId_zone: { assetId: id, zone: 'bl.test' } } });
  expect(check).toMatchObject({ zoneReason: 'zone_unhealthy', errors: 4, notListed: 0 });
  expect(check.zoneDetail).toContain('positive test point');
  const zone = await db.zone.findUniqueOrThrow({ where: { name: 'bl.test' } });
  expect(zone).toMatchObject({ health: 'unhealthy', failedSweeps: 1 });
  const errors = await listListings({ assetId: id, query: { verdict: 'error' } });
  expect(errors.map((r) => [r.target, r.zone, r.reason])).toEqual([
    ['198.51.100.0', 'bl.test', 'zone_unhealthy'],
    ['198.51.100.1', 'bl.test', 'zone_unhealthy'],
    ['198.51.100.2', 'bl.test', 'zone_unhealthy'],
    ['198.51.100.3', 'bl.test', 'zone_unhealthy'],
  ]);
  await sweep(() => CLEAN, { unhealthy: ['bl.test'] });
  expect((await db.zone.findUniqueOrThrow({ where: { name: 'bl.test' } })).failedSweeps).toBe(2);
  await sweep(() => CLEAN);
  expect(await db.zone.findUniqueOrThrow({ where: { name: 'bl.test' } })).toMatchObject({ health: 'healthy', failedSweeps: 0 });
  expect(await listListings({ assetId: id, query: { verdict: 'error' } })).toEqual([]);
});

test('a range lists one row per address and zone: listed first, then errors, then the rest, paged', async () => {
  const { id } = await createAsset({ value: '198.51.100.0/30' });
  await sweep((t, z) => (z === 'bl.test' && t === '198.51.100.2' ? LISTED('127.0.0.3', 'Spam source network') : t === '198.51.100.3' ? TIMEOUT : CLEAN));
  const rows = await listListings({ assetId: id });
  // 4 addresses × 3 enabled zones (bl.test, wl.test apply; dbl.test is not_applicable); the retired zone is never queried.
  expect(rows).toHaveLength(12);
  expect(rows.slice(0, 3).map((r) => [r.verdict, r.target, r.zone])).toEqual([
    ['listed', '198.51.100.2', 'bl.test'],
    ['error', '198.51.100.3', 'bl.test'],
    ['error', '198.51.100.3', 'wl.test'],
  ]);
  expect(rows[0]).toMatchObject({ codes: ['127.0.0.3'], meanings: ['Spam source network'], state: 'listed', delistUrl: 'https://bl.test/delist' });
  expect(rows.filter((r) => r.verdict === 'not_applicable').every((r) => r.zone === 'dbl.test')).toBe(true);
  const page = await listListings({ assetId: id, query: { limit: 2, offset: 1 } });
  expect(page.map((r) => [r.target, r.zone])).toEqual([
    ['198.51.100.3', 'bl.test'],
    ['198.51.100.3', 'wl.test'],
  ]);
  const asset = await getAsset({ id });
  expect(asset).toMatchObject({ targets: 4, status: 'listed', listed: 1, errors: 2 });
});

test('daily budgets: counters persist per UTC day; exhaustion part-way gives unknown rows, a whole asset a zone reason', async () => {
  await db.zone.update({ where: { name: 'bl.test' }, data: { dailyBudget: 3 } });
  const { id } = await createAsset({ value: '198.51.100.0/30' });
  await sweep(() => CLEAN);
  const zone = await db.zone.findUniqueOrThrow({ where: { name: 'bl.test' } });
  expect(zone.budgetUsed).toBe(3);
  expect(zone.budgetDay).toBe(new Date().toISOString().slice(0, 10));
  const unknown = await db.listing.findMany({ where: { assetId: id, zone: 'bl.test' } });
  expect(unknown.map((r) => [r.target, r.state, r.lastReason])).toEqual([['198.51.100.3', 'unknown', 'budget_exhausted']]);
  const check1 = await db.assetZoneCheck.findUniqueOrThrow({ where: { assetId_zone: { assetId: id, zone: 'bl.test' } } });
  expect(check1.zoneReason).toBeNull();
  await sweep(() => CLEAN);
  const check2 = await db.assetZoneCheck.findUniqueOrThrow({ where: { assetId_zone: { assetId: id, zone: 'bl.test' } } });
  expect(check2).toMatchObject({ zoneReason: 'budget_exhausted', errors: 4 });
  expect((await db.zone.findUniqueOrThrow({ where: { name: 'bl.test' } })).budgetUsed).toBe(3);
  const wl = await db.zone.findUniqueOrThrow({ where: { name: 'wl.test' } });
  expect(wl.budgetUsed).toBe(8);
});

test('a paused asset is left out of the scheduled sweep but can be checked on its own', async () => {
  const { id } = await createAsset({ value: '192.0.2.1' });
  await db.asset.update({ where: { id }, data: { enabled: false } });
  const all = await sweep(listedOnBl);
  expect(all.summary.assets).toBe(0);
  const one = await sweep(listedOnBl, { assetId: id });
  expect(one.summary).toMatchObject({ assets: 1, targets: 1, events: { listed: 1, delisted: 0 } });
});

test('a domain asset stores punycode and sweeps only domain zones (BL-14)', async () => {
  const { id, value } = await createAsset({ value: 'Bücher.example' });
  expect(value).toBe('xn--bcher-kva.example');
  await sweep((t, z) => (z === 'dbl.test' ? LISTED('127.0.1.2', 'Spam domain', 'bad domain') : CLEAN));
  const asset = await getAsset({ id });
  expect(asset).toMatchObject({ display: 'bücher.example', status: 'listed', listed: 1 });
  const rows = await listListings({ assetId: id });
  expect(rows.map((r) => [r.zone, r.verdict])).toEqual([
    ['dbl.test', 'listed'],
    ['bl.test', 'not_applicable'],
    ['wl.test', 'not_applicable'],
  ]);
});

test('listing rows of a range come in numeric address order (.2 before .10)', async () => {
  const { id } = await createAsset({ value: '198.51.100.0/28' });
  await sweep((t, z) => (z === 'bl.test' && (t === '198.51.100.10' || t === '198.51.100.2') ? LISTED() : CLEAN));
  const listed = await listListings({ assetId: id, query: { verdict: 'listed' } });
  expect(listed.map((r) => r.target)).toEqual(['198.51.100.2', '198.51.100.10']);
  const all = await listListings({ assetId: id, query: { verdict: 'not_listed' } });
  expect(all.filter((r) => r.zone === 'bl.test').map((r) => r.target).slice(0, 3)).toEqual(['198.51.100.0', '198.51.100.1', '198.51.100.3']);
});

test('a sweep of more assets than one transaction of checks holds records every asset once, and a second sweep replaces them', async () => {
  const { ASSETS_PER_TRANSACTION } = await import('../../../lib/sweeps/write-asset-checks.ts');
  const ids: string[] = [];
  for (let i = 0; i <= ASSETS_PER_TRANSACTION; i++) ids.push((await createAsset({ value: `198.51.100.${i}` })).id);
  const last = `198.51.100.${ASSETS_PER_TRANSACTION}`;
  const onlyLast = (t: string, z: string) => (t === last && z === 'bl.test' ? LISTED() : CLEAN);
  await sweep(onlyLast);
  await sweep(onlyLast);
  // Every asset: one AssetZoneCheck per enabled zone (bl, dbl, wl) from the last sweep, one AssetCheck per sweep.
  expect(await db.assetZoneCheck.count()).toBe(ids.length * 3);
  expect(await db.assetCheck.count()).toBe(ids.length * 2);
  const lastCheck = await db.assetZoneCheck.findUniqueOrThrow({ where: { assetId_zone: { assetId: ids.at(-1)!, zone: 'bl.test' } } });
  expect(lastCheck).toMatchObject({ listed: 1, notListed: 0, errors: 0 });
  expect((await getAsset({ id: ids.at(-1)! })).status).toBe('listed');
  expect((await getAsset({ id: ids[0] })).status).toBe('clean');
});
