import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';

// Listings and placement results in a real SQLite file → snapshotScores → the API answers the scores and factors
// computed by hand below (weights 40/25/20/15; catalog zones: ZEN w10, SpamCop w7, DBL w9, PSBL w5).

let db: PrismaClient;
let cleanup: () => Promise<void>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let list: Record<string, Handler>;
let detail: Record<string, Handler>;
let rep: typeof import('../../../lib/reputation/snapshot-scores.ts') & typeof import('../../../lib/reputation/snapshot-when-due.ts');

const HOUR = 3_600_000;
// The routes read history up to the real clock: the scenario starts 10 hours ago, on a whole minute.
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 10 * HOUR);
const at = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 24 * HOUR;
const ids: Record<string, string> = {};

async function call(handler: Handler, query = '', params: Record<string, string> = {}) {
  const res = await handler(new Request(`http://localhost/api/reputation${query}`), { params: Promise.resolve(params) });
  return { status: res.status, json: await res.json() };
}

async function asset(kind: string, value: string, enabled = true) {
  return (await db.asset.create({ data: { kind, value, enabled } })).id;
}

async function listed(assetId: string, target: string, zone: string, codes: string[]) {
  await db.listing.create({
    data: { assetId, target, zone, state: 'listed', lastVerdict: 'listed', codes: JSON.stringify(codes), since: at(-DAY), lastCheckedAt: at(-HOUR) },
  });
}

async function checked(assetId: string, zone: string, v: { listed?: number; notListed?: number; errors?: number }) {
  await db.assetZoneCheck.create({ data: { assetId, zone, checkedAt: at(-HOUR), listed: v.listed ?? 0, notListed: v.notListed ?? 0, errors: v.errors ?? 0 } });
}

type Seed = { provider: string; smtpOutcome: string; placement: string; auth?: [string | null, string | null, string | null]; egressIp?: string };
async function placementTest(serverId: string, createdAt: Date, status: string, seeds: Seed[]) {
  const t = await db.placementTest.create({ data: { token: `tok-${createdAt.getTime()}-${status}`, serverId, status, createdAt, completedAt: status === 'complete' ? createdAt : null } });
  for (const [i, s] of seeds.entries()) {
    await db.placementResult.create({
      data: {
        testId: t.id, mailboxAddress: `seed${i}@${s.provider}.example`, provider: s.provider, messageId: `<${t.id}.${i}@test>`,
        smtpOutcome: s.smtpOutcome, placement: s.placement, authSpf: s.auth?.[0] ?? null, authDkim: s.auth?.[1] ?? null,
        authDmarc: s.auth?.[2] ?? null, egressIp: s.egressIp ?? null,
      },
    });
  }
}

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  await syncCatalog();
  list = (await import('../../../app/api/reputation/route.ts')) as unknown as Record<string, Handler>;
  detail = (await import('../../../app/api/reputation/[subjectType]/[subjectId]/route.ts')) as unknown as Record<string, Handler>;
  rep = { ...(await import('../../../lib/reputation/snapshot-scores.ts')), ...(await import('../../../lib/reputation/snapshot-when-due.ts')) };

  // A: 192.0.2.10 on ZEN SBL (critical) and SpamCop (high); PSBL clean; a zone that only errored is not "checked";
  // a listing on a disabled zone (sbl.spamhaus.org) and an errored non-listing do not count.
  ids.A = await asset('ip', '192.0.2.10');
  await listed(ids.A, '192.0.2.10', 'zen.spamhaus.org', ['127.0.0.2']);
  await listed(ids.A, '192.0.2.10', 'bl.spamcop.net', ['127.0.0.2']);
  await listed(ids.A, '192.0.2.10', 'sbl.spamhaus.org', ['127.0.0.2']);
  await db.listing.create({ data: { assetId: ids.A, target: '192.0.2.10', zone: 'psbl.surriel.com', state: 'not_listed', lastVerdict: 'error', lastReason: 'timeout', since: at(-DAY), lastCheckedAt: at(-HOUR) } });
  await checked(ids.A, 'zen.spamhaus.org', { listed: 1 });
  await checked(ids.A, 'bl.spamcop.net', { listed: 1 });
  await checked(ids.A, 'psbl.surriel.com', { notListed: 1 });
  await checked(ids.A, 'bl.mailspike.net', { errors: 1 });
  // B: 192.0.2.20, clean on ZEN and SpamCop; the relay sends from it.
  ids.B = await asset('ip', '192.0.2.20');
  await checked(ids.B, 'zen.spamhaus.org', { notListed: 1 });
  await checked(ids.B, 'bl.spamcop.net', { notListed: 1 });
  // C: example.com on Spamhaus DBL 127.0.1.2 (critical, weight 9): 100 × (1 − 0.6 × 0.9) = 46.
  ids.C = await asset('domain', 'example.com');
  await listed(ids.C, 'example.com', 'dbl.spamhaus.org', ['127.0.1.2']);
  await checked(ids.C, 'dbl.spamhaus.org', { listed: 1 });
  // D: a /24 with two addresses on SpamCop: one subject, SpamCop counted once → 72.
  ids.D = await asset('range', '198.51.100.0/24');
  await listed(ids.D, '198.51.100.7', 'bl.spamcop.net', ['127.0.0.2']);
  await listed(ids.D, '198.51.100.9', 'bl.spamcop.net', ['127.0.0.2']);
  await checked(ids.D, 'bl.spamcop.net', { listed: 2, notListed: 254 });
  // E: disabled, listed: no subject.
  ids.E = await asset('ip', '192.0.2.99', false);
  await listed(ids.E, '192.0.2.99', 'zen.spamhaus.org', ['127.0.0.2']);
  await checked(ids.E, 'zen.spamhaus.org', { listed: 1 });

  const relay = await db.smtpServer.create({ data: { name: 'Relay', host: 'smtp.example.com', port: 587, security: 'starttls', fromAddress: 'news@example.com' } });
  const idle = await db.smtpServer.create({ data: { name: 'Idle', host: 'smtp.idle.example', port: 587, security: 'starttls', fromAddress: 'a@idle.example' } });
  ids.relay = relay.id;
  ids.idle = idle.id;
  await placementTest(relay.id, at(-DAY), 'complete', [
    { provider: 'gmail', smtpOutcome: 'accepted', placement: 'inbox', auth: ['pass', 'pass', 'pass'], egressIp: '192.0.2.20' },
    { provider: 'outlook', smtpOutcome: 'accepted', placement: 'spam', auth: ['pass', 'pass', 'bestguesspass'], egressIp: '192.0.2.20' },
    { provider: 'yahoo', smtpOutcome: 'accepted', placement: 'tab', auth: ['pass', 'fail', 'fail'], egressIp: '192.0.2.20' },
    { provider: 'other', smtpOutcome: 'rejected', placement: 'error' },
    { provider: 'gmail', smtpOutcome: 'accepted', placement: 'missing' },
  ]);
  // Outside the 30-day window, and a test still collecting: neither counts.
  await placementTest(relay.id, at(-40 * DAY), 'complete', [{ provider: 'gmail', smtpOutcome: 'accepted', placement: 'spam', egressIp: '192.0.2.20' }]);
  await placementTest(relay.id, at(-HOUR), 'collecting', [{ provider: 'gmail', smtpOutcome: 'accepted', placement: 'spam', egressIp: '192.0.2.20' }]);
});
afterAll(async () => cleanup());

const factorsOf = (s: { factors: { factor: string; value: number | null; weight: number; contribution: number }[] }) =>
  s.factors.map((f) => [f.factor, f.value, f.weight, f.contribution]);

test('a snapshot scores every subject with data; the API answers them worst first with their factors', async () => {
  const summary = await rep.snapshotScores({ now: NOW });
  // ip A, B, D; domains example.com (rated) and idle.example (no data); servers Relay (rated) and Idle (no data).
  expect(summary).toEqual({ rated: 5, unrated: 2, written: 5, unchanged: 0, removed: 0 });

  const all = await call(list.GET);
  expect(all.status).toBe(200);
  expect(all.json.map((s: { subjectType: string; subjectLabel: string; score: number }) => [s.subjectType, s.subjectLabel, s.score])).toEqual([
    ['ip', '192.0.2.10', 28.8],
    // Relay and example.com: listings 46 (DBL via the From domain; B is clean) × 0.40 = 18.4; inbox 2 of 4
    // (inbox, tab / spam, missing) = 50 × 0.25 = 12.5; auth 6 of 9 (SPF 3/3, DKIM 2/3, DMARC 1/3: bestguesspass
    // is no pass) = 66.67 × 0.20 = 13.33; SMTP 4 accepted, 1 rejected = 80 × 0.15 = 12 → 56.2.
    ['domain', 'example.com', 56.2],
    ['server', 'Relay', 56.2],
    ['ip', '198.51.100.0/24', 72],
    // B: clean on 2 zones = 100 × 0.40 = 40; its seeds (egress 192.0.2.20): inbox 2 of 3 = 66.67 × 0.25 = 16.67;
    // auth 6 of 9 × 0.20 = 13.33; SMTP 3 of 3 = 100 × 0.15 = 15 → 85.0 (16.67 rounds up to make the sum).
    ['ip', '192.0.2.20', 85],
  ]);
  const ipOnly = await call(list.GET, '?subjectType=ip');
  expect(ipOnly.json.map((s: { subjectId: string }) => s.subjectId)).toEqual([ids.A, ids.D, ids.B]);
  expect((await call(list.GET, '?subjectType=mailbox')).status).toBe(400);

  const a = all.json[0];
  expect(factorsOf(a)).toEqual([
    ['listings', 28.8, 100, 28.8],
    ['inbox_rate', null, 0, 0],
    ['auth_pass_rate', null, 0, 0],
    ['smtp_acceptance', null, 0, 0],
  ]);
  expect(a.factors[0].detail).toBe(
    'Listed on 2 block lists (3 zones checked): Spamhaus ZEN (192.0.2.10) critical 127.0.0.2, zone weight 10: −60 %; ' +
      'SpamCop (192.0.2.10) high 127.0.0.2, zone weight 7: −28 %.',
  );
  const relay = all.json[2];
  expect(relay.subjectId).toBe(ids.relay);
  expect(factorsOf(relay)).toEqual([
    ['listings', 46, 40, 18.4],
    ['inbox_rate', 50, 25, 12.5],
    ['auth_pass_rate', 66.7, 20, 13.3],
    ['smtp_acceptance', 80, 15, 12],
  ]);
  expect(relay.factors[0].detail).toBe('Listed on 1 block list (3 zones checked): Spamhaus DBL (example.com) critical 127.0.1.2, zone weight 9: −54 %.');
  expect(all.json[3].factors[0].detail).toContain('SpamCop (2 addresses of 198.51.100.0/24) high 127.0.0.2');

  const b = await call(detail.GET, '', { subjectType: 'ip', subjectId: ids.B });
  expect(b.status).toBe(200);
  expect(b.json).toMatchObject({ subjectType: 'ip', subjectLabel: '192.0.2.20', score: 85, history: [{ at: NOW.toISOString(), score: 85 }] });
  expect(factorsOf(b.json)).toEqual([
    ['listings', 100, 40, 40],
    ['inbox_rate', 66.7, 25, 16.7],
    ['auth_pass_rate', 66.7, 20, 13.3],
    ['smtp_acceptance', 100, 15, 15],
  ]);
  expect((await call(detail.GET, '', { subjectType: 'server', subjectId: ids.idle })).status).toBe(404);
  expect((await call(detail.GET, '', { subjectType: 'planet', subjectId: 'x' })).status).toBe(400);
});

test('history grows only when a score changes, and at least every 6 hours', async () => {
  expect(await rep.snapshotScores({ now: at(60_000) })).toMatchObject({ written: 0, unchanged: 5 });

  // B gets listed on SpamCop: B and the Relay (which sends from B) change; example.com does not.
  await listed(ids.B, '192.0.2.20', 'bl.spamcop.net', ['127.0.0.2']);
  expect(await rep.snapshotScores({ now: at(120_000) })).toMatchObject({ written: 2, unchanged: 3 });
  const b = await call(detail.GET, '', { subjectType: 'ip', subjectId: ids.B });
  // Listings 72 × 0.40 = 28.8 + 16.7 + 13.3 + 15 = 73.8.
  expect(b.json.score).toBe(73.8);
  expect(b.json.history).toEqual([{ at: NOW.toISOString(), score: 85 }, { at: at(120_000).toISOString(), score: 73.8 }]);
  // Relay: DBL and SpamCop: 100 × 0.46 × 0.72 = 33.12 × 0.40 = 13.25 → 13.3 (largest remainder); 13.3 + 12.5 + 13.3 + 12 = 51.1.
  const relay = await call(detail.GET, '', { subjectType: 'server', subjectId: ids.relay });
  expect(relay.json.score).toBe(51.1);
  expect(factorsOf(relay.json)[0]).toEqual(['listings', 33.1, 40, 13.3]);

  expect(await rep.snapshotScores({ now: at(7 * HOUR) })).toMatchObject({ written: 5, unchanged: 0 });
  const domain = await call(detail.GET, '', { subjectType: 'domain', subjectId: 'example.com' });
  expect(domain.json.history.map((h: { score: number }) => h.score)).toEqual([56.2, 56.2]);
  const recent = await call(detail.GET, '?days=1', { subjectType: 'domain', subjectId: 'example.com' });
  expect(recent.json.history).toHaveLength(2);
});

test('a deleted asset leaves the list; a scoring is due after a placement test completes or 15 minutes', async () => {
  await db.asset.delete({ where: { id: ids.A } });
  expect(await rep.snapshotScores({ now: at(8 * HOUR) })).toMatchObject({ removed: 1, rated: 4 });
  expect((await call(list.GET)).json.some((s: { subjectId: string }) => s.subjectId === ids.A)).toBe(false);

  const clock = { lastRunAt: null };
  expect(await rep.snapshotWhenDue({ now: at(9 * HOUR), clock })).toMatchObject({ skipped: false, because: 'first run in this process' });
  expect(await rep.snapshotWhenDue({ now: at(9 * HOUR + 60_000), clock })).toEqual({ skipped: true });
  await db.placementTest.updateMany({ where: { status: 'collecting' }, data: { status: 'complete', completedAt: at(9 * HOUR + 90_000) } });
  expect(await rep.snapshotWhenDue({ now: at(9 * HOUR + 120_000), clock })).toMatchObject({ skipped: false, because: 'a placement test completed' });
  expect(await rep.snapshotWhenDue({ now: at(9 * HOUR + 180_000), clock })).toEqual({ skipped: true });
  expect(await rep.snapshotWhenDue({ now: at(9 * HOUR + 17 * 60_000), clock })).toMatchObject({ skipped: false, because: 'every 15 minutes' });
});
