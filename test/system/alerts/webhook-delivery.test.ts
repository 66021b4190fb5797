import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { TEST_CATALOG } from '../../integration/helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT } from '../../integration/helpers/fake-engine.ts';
import { resetEnv } from '../../../lib/env.ts';

// Webhook delivery to a real HTTP receiver on 127.0.0.1 that checks X-Inboxwatch-Signature (HMAC-SHA256 of the
// raw body under the secret the channel answered once) and reads the Slack `text`. Also the promise: a new
// listing and a quota crossing 80 % each give exactly one notification per channel within one alert run.

interface Received {
  raw: string;
  signature: string;
  timestamp: string;
  body: { text: string; event: string; incident: { ruleKind: string; subjectLabel: string; status: string } | null };
}

let db: PrismaClient;
let cleanup: () => Promise<void>;
let receiver: http.Server;
let url: string;
const received: Received[] = [];
let failNext = 0;
let lib: {
  runDnsblSweep: typeof import('../../../lib/sweeps/run-dnsbl-sweep.ts').runDnsblSweep;
  createAsset: typeof import('../../../lib/assets/create-asset.ts').createAsset;
  syncCatalog: typeof import('../../../lib/zones/sync-catalog.ts').syncCatalog;
  runAlerts: typeof import('../../../lib/alerts/run-alerts.ts').runAlerts;
  createChannel: typeof import('../../../lib/alerts/create-channel.ts').createChannel;
  sendTestNotification: typeof import('../../../lib/alerts/send-test-notification.ts').sendTestNotification;
};

beforeAll(async () => {
  delete process.env.ALERT_SMTP_URL;
  process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('base64');
  ({ prisma: db, cleanup } = await setupTestDb());
  lib = {
    ...(await import('../../../lib/sweeps/run-dnsbl-sweep.ts')),
    ...(await import('../../../lib/assets/create-asset.ts')),
    ...(await import('../../../lib/zones/sync-catalog.ts')),
    ...(await import('../../../lib/alerts/run-alerts.ts')),
    ...(await import('../../../lib/alerts/create-channel.ts')),
    ...(await import('../../../lib/alerts/send-test-notification.ts')),
  };
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('receiver down');
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ raw, signature: String(req.headers['x-inboxwatch-signature']), timestamp: String(req.headers['x-inboxwatch-timestamp']), body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/T000/B000/XXXX`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await cleanup();
});
beforeEach(async () => {
  await db.$transaction([db.notification.deleteMany(), db.incident.deleteMany(), db.alertChannel.deleteMany(), db.alertRule.deleteMany(), db.quota.deleteMany()]);
  await clearTables(db);
  await lib.syncCatalog({ catalog: TEST_CATALOG });
  received.length = 0;
  failNext = 0;
  resetEnv();
});

const verify = (r: Received, secret: string) => r.signature === `sha256=${crypto.createHmac('sha256', secret).update(r.raw).digest('hex')}`;

test('a new listing reaches the webhook once, signed, with the listing in the Slack text; the delisting once as a recovery', async () => {
  const channel = await lib.createChannel({ input: { kind: 'webhook', name: 'Slack', url, delivery: 'immediate', enabled: true } });
  const secret = channel.secret as string;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await lib.createAsset({ value: '192.0.2.1', label: 'mx1' });
  const sweep = (listed: boolean) =>
    lib.runDnsblSweep({ jobRunId: `run-${Math.random()}`, sweep: { runSweep: fakeEngine({ answer: (t, z) => (listed && z === 'bl.test' ? LISTED() : CLEAN) }).runSweep, client: NO_CLIENT } });
  await sweep(true);
  expect(received).toHaveLength(1);
  const [hit] = received;
  expect(verify(hit, secret)).toBe(true);
  expect(verify(hit, 'another secret')).toBe(false);
  expect(Number(hit.timestamp)).toBeGreaterThan(1_700_000_000);
  expect(hit.body.event).toBe('opened');
  expect(hit.body.text).toContain('[Inboxwatch] 192.0.2.1 (mx1) listed on bl.test (Test BL)');
  expect(hit.body.text).toContain('Return code 127.0.0.2: Direct spam source');
  expect(hit.body.text).toContain('Delist: https://bl.test/delist');
  expect(hit.body.incident).toMatchObject({ ruleKind: 'listing_new', subjectLabel: '192.0.2.1 on bl.test', status: 'open' });
  await sweep(true);
  await sweep(false);
  expect(received).toHaveLength(1);
  await sweep(false);
  expect(received).toHaveLength(2);
  expect(received[1].body.event).toBe('recovered');
  expect(received[1].body.text).toContain('192.0.2.1 was DELISTED from bl.test');
  expect(verify(received[1], secret)).toBe(true);
});

test('a quota crossing 80 % gives exactly one notification per channel in one run; a receiver error is retried and recorded', async () => {
  const a = await lib.createChannel({ input: { kind: 'webhook', name: 'Hook A', url, delivery: 'immediate', enabled: true } });
  const b = await lib.createChannel({ input: { kind: 'webhook', name: 'Hook B', url: `${url}?b`, delivery: 'immediate', enabled: true } });
  const server = await db.smtpServer.create({ data: { name: 'relay-1', host: '127.0.0.1', port: 587, security: 'none', fromAddress: 'a@example.test' } });
  await db.quota.create({ data: { serverId: server.id, window: 'day', limit: 100 } });
  const t0 = new Date();
  await db.usageEvent.create({ data: { serverId: server.id, at: new Date(t0.getTime() - 60_000), count: 79, source: 'api' } });
  expect(await lib.runAlerts({ now: () => t0 })).toMatchObject({ opened: 0, sent: 0 });
  await db.usageEvent.create({ data: { serverId: server.id, at: t0, count: 2, source: 'api' } });
  failNext = 1;
  const run = await lib.runAlerts({ now: () => new Date(t0.getTime() + 1000) });
  expect(run).toMatchObject({ opened: 1, queued: 2, sent: 1, retrying: 1 });
  const rows = await db.notification.findMany({ orderBy: { channelId: 'asc' } });
  expect(rows.map((n) => n.channelId).sort()).toEqual([a.id, b.id].sort());
  const failed = rows.find((n) => n.status === 'pending');
  expect(failed).toMatchObject({ attempts: 1, lastError: 'HTTP 503: receiver down' });
  expect(received).toHaveLength(1);
  expect(received[0].body.text).toContain('relay-1 day quota crossed 80 %: 81 of 100 used');
  // The one-minute tick after the backoff delivers the retry; nothing new is opened.
  const retry = await lib.runAlerts({ now: () => new Date(t0.getTime() + 62_000) });
  expect(retry).toMatchObject({ opened: 0, sent: 1 });
  expect(received).toHaveLength(2);
  expect(await db.notification.count({ where: { status: 'sent', attempts: 2 } })).toBe(1);
  // Each channel signs with its own secret: the retried delivery verifies under the secret of the channel that failed.
  expect(verify(received[1], (failed?.channelId === a.id ? a.secret : b.secret) as string)).toBe(true);
});

test('an incident opened while no channel exists is notified once, when the first channel is added', async () => {
  const server = await db.smtpServer.create({ data: { name: 'relay-2', host: '127.0.0.1', port: 587, security: 'none', fromAddress: 'a@example.test' } });
  await db.quota.create({ data: { serverId: server.id, window: 'day', limit: 10 } });
  const t0 = new Date();
  await db.usageEvent.create({ data: { serverId: server.id, at: t0, count: 9, source: 'api' } });
  expect(await lib.runAlerts({ now: () => t0 })).toMatchObject({ opened: 2, queued: 0, sent: 0 });
  expect(await db.incident.count({ where: { lastNotifiedAt: null, status: 'open' } })).toBe(2);
  const hook = await lib.createChannel({ input: { kind: 'webhook', name: 'Late hook', url, delivery: 'immediate', enabled: true } });
  const later = await lib.runAlerts({ now: () => new Date(t0.getTime() + 60_000) });
  expect(later).toMatchObject({ opened: 0, queued: 2, sent: 2 });
  expect(received.map((r) => r.body.event)).toEqual(['opened', 'opened']);
  expect(received.map((r) => r.body.text).join('\n')).toContain('relay-2 day quota crossed 90 %');
  expect(received.every((r) => verify(r, hook.secret as string))).toBe(true);
  expect(await lib.runAlerts({ now: () => new Date(t0.getTime() + 120_000) })).toMatchObject({ queued: 0, sent: 0 });
  expect(received).toHaveLength(2);
});

test('send test reaches the receiver; a refusing receiver is reported as failed in the delivery log', async () => {
  const channel = await lib.createChannel({ input: { kind: 'webhook', name: 'Slack', url, delivery: 'hourly_digest', enabled: true } });
  expect(await lib.sendTestNotification({ id: channel.id })).toMatchObject({ status: 'sent', lastError: null });
  expect(received[0].body.event).toBe('test');
  expect(received[0].body.text).toContain('Test notification for channel Slack');
  failNext = 1;
  expect(await lib.sendTestNotification({ id: channel.id })).toMatchObject({ status: 'failed', lastError: 'HTTP 503: receiver down' });
  expect(await db.notification.count({ where: { channelId: channel.id, kind: 'test', status: 'failed' } })).toBe(1);
});
