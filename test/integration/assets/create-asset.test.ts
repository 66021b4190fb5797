import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import type { ZoneDefinition } from '../../../lib/dnsbl/types.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { BL, DBL } from '../helpers/test-zones.ts';

/** A zone with the operator's free-use limit, like zen.spamhaus.org (300,000 queries a day). */
const BUDGETED: ZoneDefinition = { ...BL, zone: 'zen.budget.test', name: 'Budgeted BL', operator: 'Budget Operator', dailyBudget: 300_000 };

let db: PrismaClient;
let cleanup: () => Promise<void>;
type Handler = (req: Request) => Promise<Response>;
let assetsRoute: Record<string, Handler>;
let syncCatalog: typeof import('../../../lib/zones/sync-catalog.ts').syncCatalog;

beforeAll(async () => {
  process.env.DNSBL_SWEEP_CRON = '*/30 * * * *';
  ({ prisma: db, cleanup } = await setupTestDb());
  ({ syncCatalog } = await import('../../../lib/zones/sync-catalog.ts'));
  assetsRoute = (await import('../../../app/api/assets/route.ts')) as unknown as Record<string, Handler>;
});
afterAll(() => cleanup());
beforeEach(async () => {
  await clearTables(db);
  await syncCatalog({ catalog: [BL, DBL, BUDGETED] });
});

async function post(body: object) {
  const res = await assetsRoute.POST(new Request('http://localhost/api/assets', { method: 'POST', body: JSON.stringify(body) }));
  return { status: res.status, json: await res.json() };
}

test('a /16 answers 201 with a warning naming the zone, the daily need at the sweep schedule and the limit', async () => {
  const res = await post({ value: '93.184.0.0/16' });
  expect(res.status).toBe(201);
  expect(res.json).toMatchObject({ kind: 'range', value: '93.184.0.0/16' });
  expect(res.json.warnings).toEqual([
    '93.184.0.0/16 needs about 3,145,728 queries a day on zen.budget.test at */30 * * * *; its free-use limit is 300,000 (Budget Operator)',
  ]);
  expect(await db.asset.count()).toBe(1);
});

test('a single IP within the budget answers no warning; a user-set budget is named as such', async () => {
  expect((await post({ value: '192.0.2.1' })).json.warnings).toEqual([]);
  await db.zone.update({ where: { name: 'zen.budget.test' }, data: { dailyBudget: 10_000 } });
  const res = await post({ value: '198.51.100.0/24' });
  expect(res.json.warnings).toEqual([
    '198.51.100.0/24 needs about 12,288 queries a day on zen.budget.test at */30 * * * *; its daily budget is 10,000',
  ]);
});

test('a range that fits alone but not with the monitored assets warns about the total', async () => {
  await db.zone.update({ where: { name: 'zen.budget.test' }, data: { dailyBudget: 20_000 } });
  expect((await post({ value: '198.51.100.0/24' })).json.warnings).toEqual([]);
  const res = await post({ value: '203.0.113.0/24' });
  expect(res.json.warnings).toEqual([
    'with 203.0.113.0/24, the monitored assets need about 24,576 queries a day on zen.budget.test at */30 * * * *; its daily budget is 20,000',
  ]);
});

test('an IP inside a monitored range, and a range holding a monitored IP, answer 201 with the overlap', async () => {
  await post({ value: '198.51.100.0/24' });
  const inside = await post({ value: '198.51.100.7' });
  expect(inside.status).toBe(201);
  expect(inside.json.warnings).toEqual(['198.51.100.7 is already swept as part of 198.51.100.0/24']);
  await post({ value: '203.0.113.5' });
  const holder = await post({ value: '203.0.113.0/28' });
  expect(holder.status).toBe(201);
  expect(holder.json.warnings).toEqual(['203.0.113.0/28 holds 203.0.113.5, already monitored on its own']);
});

test('private, loopback, CGNAT and unspecified addresses answer 400 saying why; nothing is stored', async () => {
  const cases: [string, string][] = [
    ['10.0.0.1', 'blocklists list public sending addresses; 10.0.0.1 is a private address (RFC 1918)'],
    ['127.0.0.1', 'blocklists list public sending addresses; 127.0.0.1 is a loopback address (RFC 1122)'],
    ['0.0.0.0', 'blocklists list public sending addresses; 0.0.0.0 is an unspecified ("this network") address (RFC 1122)'],
    ['100.64.0.0/16', 'blocklists list public sending addresses; 100.64.0.0/16 lies in 100.64.0.0/10: every address in it is a carrier-grade NAT address (RFC 6598 shared address space)'],
  ];
  for (const [value, message] of cases) {
    expect(await post({ value }), value).toEqual({ status: 400, json: { error: { code: 'invalid_input', message } } });
  }
  const puny = await post({ value: 'xn--zz.example' });
  expect(puny.status).toBe(400);
  expect(puny.json.error.message).toContain('xn--zz.example is not valid punycode');
  expect(await db.asset.count()).toBe(0);
});

test('an empty value gets the same friendly message as a blank one', async () => {
  const empty = await post({ value: '' });
  const blank = await post({ value: '   ' });
  expect(empty.status).toBe(400);
  expect(empty.json).toEqual(blank.json);
  expect(empty.json.error.message).toBe('The target is empty: give an IP address, an IPv4 range (CIDR) or a domain name.');
});
