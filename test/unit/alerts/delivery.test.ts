import crypto from 'node:crypto';
import { expect, test } from 'vitest';
import { composeMessage } from '../../../lib/alerts/compose-message.ts';
import { buildNotificationPayload } from '../../../lib/alerts/notification-payload.ts';
import type { IncidentSnapshot } from '../../../lib/alerts/notification-payload.ts';
import { digestDueAt, groupBatches, MAX_ATTEMPTS, nextAttemptAt } from '../../../lib/alerts/plan-delivery.ts';
import { deliverWebhook, signBody } from '../../../lib/alerts/channels/webhook.ts';

const NOW = new Date('2030-03-01T10:20:00Z');
const incident = (over: Partial<IncidentSnapshot>): IncidentSnapshot => ({
  id: 'i1',
  ruleKind: 'zone_unhealthy',
  subjectType: 'zone',
  subjectId: 'bl.test',
  subjectLabel: 'bl.test',
  status: 'open',
  title: 'Zone bl.test unhealthy for 2 consecutive sweeps',
  openedAt: NOW.toISOString(),
  resolvedAt: null,
  detail: { failedSweeps: 2, reason: 'positive test point not listed' },
  ...over,
});

test('retry backoff: 1, 5, 15, 60 minutes, then failed after the fifth attempt', () => {
  expect([1, 2, 3, 4].map((attempts) => ((nextAttemptAt({ attempts, now: NOW }) as Date).getTime() - NOW.getTime()) / 60_000)).toEqual([1, 5, 15, 60]);
  expect(MAX_ATTEMPTS).toBe(5);
  expect(nextAttemptAt({ attempts: 5, now: NOW })).toBeNull();
});

test('digest grouping: a channel hour is one batch, listing groups are one batch per asset, others one each', () => {
  expect(digestDueAt(NOW).toISOString()).toBe('2030-03-01T11:00:00.000Z');
  expect(digestDueAt(new Date('2030-03-01T10:59:59Z')).toISOString()).toBe('2030-03-01T11:00:00.000Z');
  const batches = groupBatches([
    { id: 'n1', channelId: 'c1', status: 'queued_digest', group: 'digest:c1:2030-03-01T11:00:00.000Z' },
    { id: 'n2', channelId: 'c2', status: 'pending', group: 'listing:a1@e1' },
    { id: 'n3', channelId: 'c1', status: 'queued_digest', group: 'digest:c1:2030-03-01T11:00:00.000Z' },
    { id: 'n4', channelId: 'c2', status: 'pending', group: 'listing:a1@e1' },
    { id: 'n5', channelId: 'c2', status: 'pending', group: null },
    { id: 'n6', channelId: 'c2', status: 'pending', group: null },
  ]);
  expect(batches.map((b) => b.items.map((i) => i.id))).toEqual([['n1', 'n3'], ['n2', 'n4'], ['n5'], ['n6']]);
});

test('messages: one notice, a recovery, a digest', () => {
  const opened = buildNotificationPayload({ kind: 'opened', severity: 'warning', incident: incident({}), group: null, now: NOW });
  const one = composeMessage({ payloads: [opened], digest: false });
  expect(one.subject).toBe('[Inboxwatch] Zone bl.test unhealthy for 2 consecutive sweeps');
  expect(one.text).toContain('reason: positive test point not listed');
  expect(one.text).toContain('Opened at: 2030-03-01T10:20:00.000Z');
  const recovered = buildNotificationPayload({ kind: 'recovered', severity: 'warning', incident: incident({ status: 'resolved' }), group: null, now: NOW });
  expect(composeMessage({ payloads: [recovered], digest: false }).subject).toBe('[Inboxwatch] Recovered: Zone bl.test unhealthy for 2 consecutive sweeps');
  const digest = composeMessage({ payloads: [opened, recovered], digest: true });
  expect(digest.subject).toBe('[Inboxwatch] Hourly digest: 2 notifications');
  expect(digest.text.split('Zone bl.test unhealthy').length - 1).toBe(2);
});

test('listing notices of one asset compose issue 2\'s listing email', () => {
  const listing = incident({
    ruleKind: 'listing_new',
    subjectType: 'target',
    title: '192.0.2.1 listed on bl.test (Test BL)',
    detail: { asset: '192.0.2.0/30', assetLabel: 'pool', target: '192.0.2.1', zone: 'bl.test', zoneName: 'Test BL', operator: 'Op', polarity: 'block', codes: ['127.0.0.2'], meanings: ['Spam source'], txt: 'see https://bl.test/x', delistUrl: 'https://bl.test/delist', firstListedAt: NOW.toISOString() },
  });
  const p = buildNotificationPayload({ kind: 'opened', severity: 'critical', incident: listing, group: 'listing:a@e', now: NOW });
  const msg = composeMessage({ payloads: [p, { ...p, incident: { ...listing, detail: { ...listing.detail, target: '192.0.2.2' } } }], digest: false });
  expect(msg.subject).toBe('[Inboxwatch] 192.0.2.0/30 (pool): 2 new listings');
  expect(msg.text).toContain('192.0.2.2 is LISTED on bl.test (Test BL, Op)');
  expect(msg.text).toContain('Return code 127.0.0.2: Spam source');
  expect(msg.text).toContain('Delist: https://bl.test/delist');
});

test('webhook: signature over the exact body; 2xx sent, 500 retryable, 404 not, timeout retryable', async () => {
  const calls: { body: string; headers: Headers }[] = [];
  const reply = (status: number) =>
    (async (_url: string | URL | Request, init?: RequestInit) => {
      calls.push({ body: String(init?.body), headers: new Headers(init?.headers) });
      return new Response(status === 200 ? 'ok' : 'nope', { status });
    }) as typeof fetch;
  const base = { config: { url: 'http://127.0.0.1:9/hook' }, secret: 's3cret', body: { text: 'hello' }, now: NOW };
  expect(await deliverWebhook({ ...base, fetchFn: reply(200) })).toEqual({ ok: true });
  const expected = `sha256=${crypto.createHmac('sha256', 's3cret').update(calls[0].body).digest('hex')}`;
  expect(calls[0].headers.get('x-inboxwatch-signature')).toBe(expected);
  expect(signBody({ body: calls[0].body, secret: 's3cret' })).toBe(expected);
  expect(calls[0].headers.get('x-inboxwatch-timestamp')).toBe(String(NOW.getTime() / 1000));
  expect(await deliverWebhook({ ...base, fetchFn: reply(500) })).toEqual({ ok: false, error: 'HTTP 500: nope', retryable: true });
  expect(await deliverWebhook({ ...base, fetchFn: reply(404) })).toEqual({ ok: false, error: 'HTTP 404: nope', retryable: false });
  const hang = ((_u: string | URL | Request, init?: RequestInit) =>
    new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch;
  expect(await deliverWebhook({ ...base, fetchFn: hang, timeoutMs: 50 })).toEqual({ ok: false, error: 'timed out after 50 ms', retryable: true });
});
