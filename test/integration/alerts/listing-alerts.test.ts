import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { readableMessage, startSmtpSink } from '../../helpers/smtp-sink.ts';
import { TEST_CATALOG } from '../helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT } from '../helpers/fake-engine.ts';
import type { Answer } from '../helpers/fake-engine.ts';
import { resetEnv } from '../../../lib/env.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let lib: {
  runDnsblSweep: typeof import('../../../lib/sweeps/run-dnsbl-sweep.ts').runDnsblSweep;
  createAsset: typeof import('../../../lib/assets/create-asset.ts').createAsset;
  syncCatalog: typeof import('../../../lib/zones/sync-catalog.ts').syncCatalog;
  sendListingAlerts: typeof import('../../../lib/alerts/send-listing-alerts.ts').sendListingAlerts;
  sendResolverAlert: typeof import('../../../lib/alerts/send-resolver-alert.ts').sendResolverAlert;
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
    ...(await import('../../../lib/alerts/send-listing-alerts.ts')),
    ...(await import('../../../lib/alerts/send-resolver-alert.ts')),
    ...(await import('../../../lib/alerts/send-test-email.ts')),
  };
});
afterAll(async () => {
  await sink.close();
  await cleanup();
});
beforeEach(async () => {
  await clearTables(db);
  await lib.syncCatalog({ catalog: TEST_CATALOG });
  sink.messages.length = 0;
  process.env.ALERT_SMTP_URL = sink.url;
  resetEnv();
});

const sweep = (answer: (t: string, z: string) => Answer) =>
  lib.runDnsblSweep({ jobRunId: `run-${Math.random()}`, sweep: { runSweep: fakeEngine({ answer }).runSweep, client: NO_CLIENT } });

test('a new listing is emailed once, naming target, zone, operator, code meaning, TXT, delist link and first seen', async () => {
  await lib.createAsset({ value: '192.0.2.1', label: 'mx1' });
  const first = await sweep((t, z) => (z === 'bl.test' ? LISTED('127.0.0.2', 'Direct spam source', 'Listed for spam, see https://bl.test/q?ip=192.0.2.1') : CLEAN));
  expect(first.alerts).toMatchObject({ alertEmails: 1, alertChanges: 1, failedEmails: 0 });
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
  const event = await db.listingEvent.findFirstOrThrow();
  expect(event.notifiedAt).not.toBeNull();
  expect(event.notifyError).toBeNull();
  await sweep((t, z) => (z === 'bl.test' ? LISTED('127.0.0.2', 'Direct spam source', 'Listed for spam, see https://bl.test/q?ip=192.0.2.1') : CLEAN));
  expect(sink.messages).toHaveLength(1);
});

test('changes of one asset in one sweep come in one message; a delisting is announced after two clean sweeps', async () => {
  await lib.createAsset({ value: '198.51.100.0/30' });
  const first = await sweep((t, z) => (z === 'bl.test' && t !== '198.51.100.0' ? LISTED() : CLEAN));
  // One email carried three changes: the summary names both counts.
  expect(first.alerts).toMatchObject({ alertEmails: 1, alertChanges: 3 });
  expect(sink.messages).toHaveLength(1);
  expect(readableMessage(sink.messages[0].raw)).toContain('Subject: [Inboxwatch] 198.51.100.0/30: 3 new listings');
  await sweep(() => CLEAN);
  expect(sink.messages).toHaveLength(1);
  await sweep(() => CLEAN);
  expect(sink.messages).toHaveLength(2);
  const msg = readableMessage(sink.messages[1].raw);
  expect(msg).toContain('3 delistings');
  expect(msg).toContain('198.51.100.1 was DELISTED from bl.test (Test BL, Test Operator)');
});

test('a refused send keeps the change pending with the error and retries it after the next sweep', async () => {
  await lib.createAsset({ value: '192.0.2.1' });
  sink.rejectNext(1);
  const first = await sweep((t, z) => (z === 'bl.test' ? LISTED() : CLEAN));
  expect(first.alerts).toMatchObject({ alertEmails: 0, failedEmails: 1, failedChanges: 1 });
  const pending = await db.listingEvent.findFirstOrThrow();
  expect(pending.notifiedAt).toBeNull();
  expect(pending.notifyError).toContain('relaying denied');
  await sweep((t, z) => (z === 'bl.test' ? LISTED() : CLEAN));
  expect(sink.messages).toHaveLength(1);
  expect(readableMessage(sink.messages[0].raw)).toContain('192.0.2.1 is LISTED on bl.test');
  const sent = await db.listingEvent.findFirstOrThrow();
  expect(sent.notifiedAt).not.toBeNull();
  expect(sent.notifyError).toBeNull();
});

test('an allow-list listing is not bad news: recorded as skipped, no email', async () => {
  await lib.createAsset({ value: '192.0.2.1' });
  await sweep((t, z) => (z === 'wl.test' ? LISTED('127.0.10.1', 'Trusted sender', '') : CLEAN));
  expect(sink.messages).toHaveLength(0);
  const ev = await db.listingEvent.findFirstOrThrow();
  expect(ev.notifiedAt).not.toBeNull();
  expect(ev.notifyError).toBe('skipped: a listing on an allow list is good news');
});

test('without an alert SMTP server the changes are recorded as not configured, not thrown', async () => {
  delete process.env.ALERT_SMTP_URL;
  resetEnv();
  await lib.createAsset({ value: '192.0.2.1' });
  const summary = await sweep((t, z) => (z === 'bl.test' ? LISTED() : CLEAN));
  expect(summary.alerts).toMatchObject({ alertEmails: 0, skippedChanges: 1 });
  const ev = await db.listingEvent.findFirstOrThrow();
  expect(ev.notifyError).toBe('alert email not configured');
  await expect(lib.sendTestEmail()).rejects.toMatchObject({ code: 'unavailable' });
});

test('the resolver turning blocked is emailed once; ok resets it', async () => {
  const blocked = { status: 'blocked' as const, reason: '5 of 6 zones failed their positive test point at once', isPublic: true, servers: ['8.8.8.8:53'] };
  expect(await lib.sendResolverAlert({ resolver: blocked })).toBe('sent');
  expect(await lib.sendResolverAlert({ resolver: blocked })).toBe('unchanged');
  expect(sink.messages).toHaveLength(1);
  const msg = readableMessage(sink.messages[0].raw);
  expect(msg).toContain('Subject: [Inboxwatch] DNS resolver blocked');
  expect(msg).toContain('5 of 6 zones failed their positive test point');
  expect(await lib.sendResolverAlert({ resolver: { status: 'ok', isPublic: false, servers: [] } })).toBe('unchanged');
  expect(await lib.sendResolverAlert({ resolver: blocked })).toBe('sent');
  expect(sink.messages).toHaveLength(2);
});

test('the test email reaches the configured recipients; a refusal is a 503-style unavailable error', async () => {
  const info = await lib.sendTestEmail();
  expect(info.accepted).toEqual(['ops@example.test']);
  expect(readableMessage(sink.messages[0].raw)).toContain('Subject: [Inboxwatch] Test email');
  sink.rejectNext(1);
  await expect(lib.sendTestEmail()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('relaying denied') });
});
