import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import type { DnsClient } from '../../../lib/dnsbl/dns-client.ts';
import type { DnsOutcome, ZoneDefinition } from '../../../lib/dnsbl/types.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { BL } from '../helpers/test-zones.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;

const zone = (name: string, dailyBudget?: number): ZoneDefinition => ({
  ...BL,
  zone: name,
  name,
  keyTypes: ['ip4'],
  testPoints: { ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' } },
  ...(dailyBudget !== undefined ? { dailyBudget } : {}),
});

beforeAll(async () => {
  // High global concurrency, a small per-zone limit: the per-zone gates are what must hold.
  process.env.DNSBL_CONCURRENCY = '400';
  process.env.DNSBL_ZONE_CONCURRENCY = '7';
  ({ prisma: db, cleanup } = await setupTestDb());
});
afterAll(async () => {
  delete process.env.DNSBL_CONCURRENCY;
  delete process.env.DNSBL_ZONE_CONCURRENCY;
  await cleanup();
});

/** An in-process DNS client answering after 0–2 ms that records queries and the most in flight per zone. */
function loadClient() {
  const inflight = new Map<string, number>();
  const maxInflight = new Map<string, number>();
  const sent = new Map<string, number>();
  const zoneOf = (name: string) => name.split('.').slice(4).join('.');
  const answer = async (name: string): Promise<DnsOutcome> => {
    const z = zoneOf(name);
    sent.set(z, (sent.get(z) ?? 0) + 1);
    const n = (inflight.get(z) ?? 0) + 1;
    inflight.set(z, n);
    maxInflight.set(z, Math.max(maxInflight.get(z) ?? 0, n));
    await new Promise((res) => setTimeout(res, Math.random() * 2));
    inflight.set(z, (inflight.get(z) ?? 1) - 1);
    const last = Number(name.split('.')[0]);
    if (name.startsWith('2.0.0.127.')) return { kind: 'answer', addresses: ['127.0.0.2'] };
    if (z === 'free.test' && last % 10 === 0) return { kind: 'answer', addresses: ['127.0.0.2'] };
    return { kind: 'nxdomain' };
  };
  const client: DnsClient = {
    servers: ['127.0.0.1:53'],
    resolveA: (name) => answer(name),
    resolveTxt: async (name) => ({ outcome: await answer(name), texts: ['Listed for the load test'] }),
    close: async () => {},
  };
  return { client, sent, maxInflight };
}

test('under load the per-zone limit holds, and the daily budget stops a zone at its limit: the rest is budget_exhausted', async () => {
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  const { createAsset } = await import('../../../lib/assets/create-asset.ts');
  const { sweepAssets } = await import('../../../lib/sweeps/sweep-assets.ts');
  await syncCatalog({ catalog: [zone('busy.test', 300), zone('free.test')] });
  const { id } = await createAsset({ value: '198.51.100.0/22' });
  const load = loadClient();

  const summary = await sweepAssets({ client: load.client, jobRunId: null, confirmDelayMs: 0 });

  // 1,024 targets on each of two zones with 400 queries allowed in flight: each zone stays at 7.
  expect(load.maxInflight.get('busy.test')).toBe(7);
  expect(load.maxInflight.get('free.test')).toBe(7);
  // busy.test: exactly its 300 queries (2 test points + 298 targets), never one more.
  expect(load.sent.get('busy.test')).toBe(300);
  const busy = await db.zone.findUniqueOrThrow({ where: { name: 'busy.test' } });
  expect(busy.budgetUsed).toBe(300);
  const busyCheck = await db.assetZoneCheck.findUniqueOrThrow({ where: { assetId_zone: { assetId: id, zone: 'busy.test' } } });
  expect(busyCheck).toMatchObject({ notListed: 298, errors: 1024 - 298, listed: 0 });
  const refused = await db.listing.findMany({ where: { assetId: id, zone: 'busy.test' } });
  expect(refused.length).toBe(1024 - 298);
  expect(new Set(refused.map((r) => `${r.state} ${r.lastReason}`))).toEqual(new Set(['unknown budget_exhausted']));
  // free.test has no budget: every target answered; 104 addresses end in 0 mod 10 (26 per /24), each confirmed and its TXT read.
  const freeCheck = await db.assetZoneCheck.findUniqueOrThrow({ where: { assetId_zone: { assetId: id, zone: 'free.test' } } });
  expect(freeCheck).toMatchObject({ listed: 104, notListed: 1024 - 104, errors: 0 });
  expect(load.sent.get('free.test')).toBe(2 + 1024 + 104 * 2);
  expect(summary.events).toEqual({ listed: 104, delisted: 0 });
});
