import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import type { ZoneDefinition } from '../../../lib/dnsbl/types.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { startDnsPeer } from '../helpers/dns-peer.ts';
import { BL } from '../helpers/test-zones.ts';

/** A DQS-like zone: answers only under `<key>.zen.dq.test`. */
const KEYED: ZoneDefinition = {
  ...BL,
  zone: 'zen.dq.test',
  name: 'Keyed BL',
  operator: 'Spamhaus',
  status: 'keyed',
  enabledByDefault: false,
  dailyBudget: 300_000,
  testPoints: { ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' } },
};
const KEY = 'k3ysecret42';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let peer: Awaited<ReturnType<typeof startDnsPeer>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let zoneRoute: Record<string, Handler>;
let zonesRoute: Record<string, Handler>;

beforeAll(async () => {
  peer = await startDnsPeer({
    [`2.0.0.127.${KEY}.zen.dq.test`]: { a: ['127.0.0.2'] },
    [`1.2.0.192.${KEY}.zen.dq.test`]: { a: ['127.0.0.2'], txt: 'Listed on the keyed list' },
    // Asked without the key, the zone lists everything: a sweep that forgot the key would report it listed.
    '1.2.0.192.zen.dq.test': { a: ['127.0.0.3'] },
  });
  Object.assign(process.env, { DNSBL_RESOLVER: peer.server, DNSBL_CONFIRM_DELAY_MS: '0', DNSBL_TIMEOUT_MS: '300', DNSBL_TRIES: '1' });
  delete process.env.ALERT_SMTP_URL;
  ({ prisma: db, cleanup } = await setupTestDb());
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  await syncCatalog({ catalog: [KEYED] });
  zoneRoute = (await import('../../../app/api/zones/[zone]/route.ts')) as unknown as Record<string, Handler>;
  zonesRoute = (await import('../../../app/api/zones/route.ts')) as unknown as Record<string, Handler>;
});
afterAll(async () => {
  await peer.close();
  await cleanup();
});

async function patch(body: object) {
  const res = await zoneRoute.PATCH(new Request('http://localhost/api/zones/zen.dq.test', { method: 'PATCH', body: JSON.stringify(body) }), {
    params: Promise.resolve({ zone: 'zen.dq.test' }),
  });
  return { status: res.status, text: await res.text() };
}

test('a keyed zone cannot be enabled without its key: 400 saying a key is needed and where to get it', async () => {
  const res = await patch({ enabled: true });
  expect(res.status).toBe(400);
  const { error } = JSON.parse(res.text);
  expect(error.code).toBe('invalid_input');
  expect(error.message).toContain('zone zen.dq.test needs an account key in its query names (<key>.zen.dq.test)');
  expect(error.message).toContain('Spamhaus Data Query Service (DQS)');
  expect((await db.zone.findUniqueOrThrow({ where: { name: 'zen.dq.test' } })).enabled).toBe(false);
});

test('the key is stored encrypted and never returned; the zone then sweeps as <key>.<zone>, results under the catalog name', async () => {
  const res = await patch({ key: ` ${KEY} `, enabled: true });
  expect(res.status).toBe(200);
  expect(res.text).not.toContain(KEY);
  expect(JSON.parse(res.text)).toMatchObject({ zone: 'zen.dq.test', enabled: true, hasKey: true, status: 'keyed' });
  const listed = await (await zonesRoute.GET(new Request('http://localhost/api/zones'), { params: Promise.resolve({}) })).text();
  expect(listed).not.toContain(KEY);
  expect(JSON.parse(listed)[0]).toMatchObject({ hasKey: true });
  const stored = await db.setting.findUniqueOrThrow({ where: { key: 'zoneKey:zen.dq.test' } });
  expect(stored.value).not.toContain(KEY);
  expect(JSON.parse(stored.value)).toMatch(/^v1:/);

  const { createAsset } = await import('../../../lib/assets/create-asset.ts');
  const { checkAssetNow } = await import('../../../lib/sweeps/check-asset-now.ts');
  const { id } = await createAsset({ value: '192.0.2.1' });
  const result = await checkAssetNow({ assetId: id, runHere: true, transport: null });
  expect(result.listings).toEqual([
    expect.objectContaining({ target: '192.0.2.1', zone: 'zen.dq.test', verdict: 'listed', codes: ['127.0.0.2'], txt: 'Listed on the keyed list' }),
  ]);
  const zone = await db.zone.findUniqueOrThrow({ where: { name: 'zen.dq.test' } });
  expect(zone.health).toBe('healthy');
  // Test points and the target: 2 probes + 2 A queries (first and confirmation) + 1 TXT, counted on the catalog name.
  expect(zone.budgetUsed).toBe(5);
  const everything = JSON.stringify([await db.listing.findMany(), await db.jobRun.findMany(), await db.assetZoneCheck.findMany(), await db.zone.findMany()]);
  expect(everything).not.toContain(KEY);
});

test('a key is refused for a zone that takes none; removing the key switches the zone off', async () => {
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  await syncCatalog({ catalog: [KEYED, BL] });
  const other = await zoneRoute.PATCH(new Request('http://localhost/api/zones/bl.test', { method: 'PATCH', body: JSON.stringify({ key: 'abc' }) }), {
    params: Promise.resolve({ zone: 'bl.test' }),
  });
  expect(other.status).toBe(400);
  expect((await other.json()).error.message).toBe('zone bl.test takes no account key: it is queried as it is');
  const removed = await patch({ key: null });
  expect(JSON.parse(removed.text)).toMatchObject({ enabled: false, hasKey: false });
  expect(await db.setting.count({ where: { key: 'zoneKey:zen.dq.test' } })).toBe(0);
  const badKey = await patch({ key: 'has.dot' });
  expect(badKey.status).toBe(400);
  expect(JSON.parse(badKey.text).error.message).toContain('the key is one DNS label');
});
