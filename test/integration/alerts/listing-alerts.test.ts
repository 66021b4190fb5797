import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { readableMessage, startSmtpSink } from '../../helpers/smtp-sink.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT } from '../helpers/fake-engine.ts';
import type { Answer } from '../helpers/fake-engine.ts';
import { resetEnv } from '../../../lib/env.ts';

// Issue 2's listing alerts, now carried by the alert rules (listing_new, delisting, resolver_blocked), incidents
// and the email channel made from ALERT_SMTP_URL / ALERT_EMAIL_TO: the same emails, once each.

let db: PrismaClient;
let cleanup: () => Promise<void>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let lib: {
  runDnsblSweep: typeof import('../../../lib/sweeps/run-dnsbl-sweep.ts').runDnsblSweep;
  createAsset: typeof import('../../../lib/assets/create-asset.ts').createAsset;
  syncCatalog: typeof import('../../../lib/zones/sync-catalog.ts').syncCatalog;
  runAlerts: typeof import('../../../lib/alerts/run-alerts.ts').runAlerts;
  sendTestEmail: typeof import('../../../lib/alerts/send-test-email.ts').sendTestEmail;
};

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.ALERT_SMTP_URL = sink.url;
  process.env.ALERT_EMAIL_TO = 'ops@example.test';
  process.env.ALERT_EMAIL_FROM = 'Inboxwatch <alerts@example.test>';
  ({ prisma: db, cleanup } = await setupTestDb());
  lib = {
    ...(await import('../../../lib/sweeps/run-dnsbl-sweep.ts')),
    ...(await import('../../../lib/assets/create-asset.ts')),
    ...(await import('../../../lib/zones/sync-catalog.ts')),
    ...(await import('../../../lib/alerts/run-alerts.ts')),
    ...(await import('../../../lib/alerts/send-test-email.ts')),
  };
});
afterAll(async () => {
  await sink.close();
  await cleanup();
});
beforeEach(async () => {
  await db.$transaction([db.notification.deleteMany(), db.incident.deleteMany(), db.alertChannel.deleteMany(), db.alertRule.deleteMany()]);
  await clearTables(db);
  await lib.syncCatalog({ catalog: TEST_CATALOG });
  sink.messages.length = 0;
  process.env.ALERT_SMTP_URL = sink.url;
  resetEnv();
});

const sweep = (answer: (t: string, z: string) => Answer, now?: () => Date) =>
  lib.runDnsblSweep({ jobRunId: `run-${Math.random()}`, sweep: { runSweep: fakeEngine({ answer }).runSweep, client: NO_CLIENT, ...(now ? { now } : {}) } });
const listingRule = 'rule-listing_new';

test('a new listing is emailed once, naming target, zone, operator, code meaning, TXT, delist link and first seen', async () => {
  await lib.createAsset({ value: '192.0.2.1', label: 'mx1' });
  const first = await sweep((t, z) => (z === 'bl.test' ? LISTED('127.0.0.2', 'Direct spam source', 'Listed for spam, see https://bl.test/q?ip=192.0.2.1') : CLEAN));
  expect(first.alerts).toMatchObject({ opened: 1, queued: 1, sent: 1, failed: 0 });
  expect(sink.messages).toHaveLength(1);
  const msg = readableMessage(sink.messages[0].raw);
  expect(sink.messages[0].to).toEqual(['ops@example.test']);
  expect(msg).toContain('Subject: [Inboxwatch] 192.0.2.1 (mx1) listed on bl.test (Test BL)');
  expect(msg).toContain('Inboxwatch found 1 change for 192.0.2.1 (mx1).');
  expect(msg).toContain('192.0.2.1 is LISTED on bl.test (Test BL, Test Operator)');
  expect(msg).toContain('Return code 127.0.0.2: Direct spam source');
  expect(msg).toContain('Reason (TXT): Listed for spam, see https://bl.test/q?ip=192.0.2.1');
  expect(msg).toContain('Delist: https://bl.test/delist');
  expect(msg).toMatch(/First seen listed: \d{4}-\d{2}-\d{2}T/);
  const incident = await db.incident.findFirstOrThrow({ where: { ruleId: listingRule } });
  expect(incident).toMatchObject({ status: 'open', subjectType: 'target', subjectLabel: '192.0.2.1 on bl.test', title: '192.0.2.1 listed on bl.test (Test BL)' });
  await sweep((t, z) => (z === 'bl.test' ? LISTED('127.0.0.2', 'Direct spam source', 'Listed for spam, see https://bl.test/q?ip=192.0.2.1') : CLEAN));
  expect(sink.messages).toHaveLength(1);
  expect(await db.notification.count()).toBe(1);
});

test('changes of one asset in one sweep come in one message; a delisting resolves the incidents with one recovery message', async () => {
  await lib.createAsset({ value: '198.51.100.0/30' });
  const first = await sweep((t, z) => (z === 'bl.test' && t !== '198.51.100.0' ? LISTED() : CLEAN));
  // Three incidents (one per address), three notifications of the one channel, delivered as one message.
  expect(first.alerts).toMatchObject({ opened: 3, queued: 3, sent: 3 });
  expect(sink.messages).toHaveLength(1);
  expect(readableMessage(sink.messages[0].raw)).toContain('Subject: [Inboxwatch] 198.51.100.0/30: 3 new listings');
  await sweep(() => CLEAN);
  expect(sink.messages).toHaveLength(1);
  const second = await sweep(() => CLEAN);
  expect(second.alerts).toMatchObject({ resolved: 3, sent: 3 });
  expect(sink.messages).toHaveLength(2);
  const msg = readableMessage(sink.messages[1].raw);
  expect(msg).toContain('3 delistings');
  expect(msg).toContain('198.51.100.1 was DELISTED from bl.test (Test BL, Test Operator)');
  const incidents = await db.incident.findMany({ where: { ruleId: listingRule } });
  expect(incidents.map((i) => [i.status, i.resolvedBy, i.openKey])).toEqual([
    ['resolved', 'auto', null],
    ['resolved', 'auto', null],
    ['resolved', 'auto', null],
  ]);
  const recoveries = await db.notification.findMany({ where: { kind: 'recovered' } });
  expect(recoveries.map((n) => n.status)).toEqual(['sent', 'sent', 'sent']);
});

test('a refused send is recorded on the notification and retried after a minute by the alert run', async () => {
  await lib.createAsset({ value: '192.0.2.1' });
  const t0 = new Date();
  sink.rejectNext(1);
  const first = await sweep((t, z) => (z === 'bl.test' ? LISTED() : CLEAN), () => t0);
  expect(first.alerts).toMatchObject({ opened: 1, sent: 0, retrying: 1 });
  const pending = await db.notification.findFirstOrThrow();
  expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
  expect(pending.lastError).toContain('relaying denied');
  expect(pending.nextAttemptAt?.getTime()).toBe(t0.getTime() + 60_000);
  // Thirty seconds later nothing is due; two minutes later the retry goes out.
  expect(await lib.runAlerts({ now: () => new Date(t0.getTime() + 30_000) })).toMatchObject({ sent: 0 });
  expect(sink.messages).toHaveLength(0);
  expect(await lib.runAlerts({ now: () => new Date(t0.getTime() + 120_000) })).toMatchObject({ sent: 1, opened: 0 });
  expect(sink.messages).toHaveLength(1);
  expect(readableMessage(sink.messages[0].raw)).toContain('192.0.2.1 is LISTED on bl.test');
  const sent = await db.notification.findFirstOrThrow();
  expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
});

test('an allow-list listing is not bad news: no incident, no email', async () => {
  await lib.createAsset({ value: '192.0.2.1' });
  await sweep((t, z) => (z === 'wl.test' ? LISTED('127.0.10.1', 'Trusted sender', '') : CLEAN));
  expect(sink.messages).toHaveLength(0);
  expect(await db.incident.count({ where: { ruleId: listingRule } })).toBe(0);
});

test('without an alert SMTP server there is no email channel: the incident is on record, nothing is sent or thrown', async () => {
  delete process.env.ALERT_SMTP_URL;
  resetEnv();
  await lib.createAsset({ value: '192.0.2.1' });
  const summary = await sweep((t, z) => (z === 'bl.test' ? LISTED() : CLEAN));
  expect(summary.alerts).toMatchObject({ opened: 1, queued: 0, sent: 0 });
  expect(await db.alertChannel.count()).toBe(0);
  await expect(lib.sendTestEmail()).rejects.toMatchObject({ code: 'unavailable' });
});

test('the resolver turning blocked is emailed once; ok sends the recovery; blocked again within the cooldown reopens silently', async () => {
  const blocked = { status: 'blocked' as const, reason: '5 of 6 zones failed their positive test point at once', isPublic: true, servers: ['8.8.8.8:53'] };
  const t0 = new Date('2030-01-01T00:00:00Z');
  const at = (min: number) => () => new Date(t0.getTime() + min * 60_000);
  expect(await lib.runAlerts({ resolver: blocked, now: at(0) })).toMatchObject({ opened: 1, sent: 1 });
  expect(await lib.runAlerts({ resolver: blocked, now: at(1) })).toMatchObject({ opened: 0, sent: 0 });
  expect(sink.messages).toHaveLength(1);
  const msg = readableMessage(sink.messages[0].raw);
  expect(msg).toContain('Subject: [Inboxwatch] DNS resolver blocked: blocklist results are unknown');
  expect(msg).toContain('5 of 6 zones failed their positive test point');
  expect(await lib.runAlerts({ resolver: { status: 'ok', isPublic: false, servers: [] }, now: at(2) })).toMatchObject({ resolved: 1, sent: 1 });
  expect(readableMessage(sink.messages[1].raw)).toContain('Subject: [Inboxwatch] Recovered: DNS resolver blocked');
  expect(await lib.runAlerts({ resolver: blocked, now: at(3) })).toMatchObject({ reopened: 1, sent: 0 });
  expect(sink.messages).toHaveLength(2);
  const incidents = await db.incident.findMany({ where: { ruleId: 'rule-resolver_blocked' } });
  expect(incidents).toHaveLength(1);
  expect(incidents[0]).toMatchObject({ status: 'open', occurrences: 2 });
});

test('the test email reaches the configured recipients; a refusal is a 503-style unavailable error', async () => {
  const info = await lib.sendTestEmail();
  expect(info.accepted).toEqual(['ops@example.test']);
  expect(readableMessage(sink.messages[0].raw)).toContain('Subject: [Inboxwatch] Test email');
  sink.rejectNext(1);
  await expect(lib.sendTestEmail()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('relaying denied') });
});
