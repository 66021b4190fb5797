import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';

// The alert routes through their handlers on a real SQLite file: shapes, validation, lifecycle actions and secrets.

let db: PrismaClient;
let cleanup: () => Promise<void>;
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let routes: Record<string, Record<string, Handler>>;

beforeAll(async () => {
  delete process.env.ALERT_SMTP_URL;
  process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('base64');
  ({ prisma: db, cleanup } = await setupTestDb());
  routes = {
    rules: await import('../../../app/api/alert-rules/route.ts'),
    rule: await import('../../../app/api/alert-rules/[id]/route.ts'),
    channels: await import('../../../app/api/alert-channels/route.ts'),
    channel: await import('../../../app/api/alert-channels/[id]/route.ts'),
    incidents: await import('../../../app/api/incidents/route.ts'),
    acknowledge: await import('../../../app/api/incidents/[id]/acknowledge/route.ts'),
    resolve: await import('../../../app/api/incidents/[id]/resolve/route.ts'),
    notifications: await import('../../../app/api/notifications/route.ts'),
  } as unknown as Record<string, Record<string, Handler>>;
});
afterAll(async () => cleanup());
beforeEach(async () => {
  await db.$transaction([db.notification.deleteMany(), db.incident.deleteMany(), db.alertChannel.deleteMany(), db.alertRule.deleteMany()]);
});

async function call(name: string, method: string, opts: { path?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const request = new Request(`http://localhost${opts.path ?? '/api/x'}`, {
    method,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body), headers: { 'content-type': 'application/json' } }),
  });
  const res = await routes[name][method](request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

test('rules: twelve defaults seeded once; PATCH checks params per kind and channels', async () => {
  const first = await call('rules', 'GET');
  expect(first.status).toBe(200);
  expect(first.json).toHaveLength(12);
  expect(first.json.find((r: { kind: string }) => r.kind === 'placement_inbox_rate')).toMatchObject({
    id: 'rule-placement_inbox_rate',
    enabled: true,
    severity: 'warning',
    cooldownMinutes: 60,
    channelIds: [],
    params: { threshold: 70, windowHours: 24, minSamples: 5 },
  });
  expect((await call('rules', 'GET')).json).toHaveLength(12);
  const patched = await call('rule', 'PATCH', { params: { id: 'rule-reputation_below' }, body: { params: { threshold: 40 }, severity: 'critical', cooldownMinutes: 15 } });
  expect(patched.json).toMatchObject({ params: { threshold: 40 }, severity: 'critical', cooldownMinutes: 15 });
  const bad = await call('rule', 'PATCH', { params: { id: 'rule-reputation_below' }, body: { params: { threshold: 150 } } });
  expect(bad.status).toBe(400);
  expect(bad.json.error.message).toMatch(/^params\.threshold: /);
  const unknownParam = await call('rule', 'PATCH', { params: { id: 'rule-delisting' }, body: { params: { threshold: 1 } } });
  expect(unknownParam.status).toBe(400);
  const noChannel = await call('rule', 'PATCH', { params: { id: 'rule-delisting' }, body: { channelIds: ['nope'] } });
  expect(noChannel.json.error.message).toBe('channelIds: no channel nope');
  expect((await call('rule', 'PATCH', { params: { id: 'missing' }, body: { enabled: false } })).status).toBe(404);
});

test('channels: the webhook secret is answered once, stored encrypted, and never in any later JSON; the URL is masked', async () => {
  const created = await call('channels', 'POST', { body: { kind: 'webhook', name: 'Slack', url: 'https://hooks.slack.com/services/T1/B2/tokenvalue' } });
  expect(created.status).toBe(201);
  const secret = created.json.secret as string;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  expect(created.json).toMatchObject({ kind: 'webhook', delivery: 'immediate', url: 'https://hooks.slack.com/…', hasSecret: true });
  const row = await db.alertChannel.findUniqueOrThrow({ where: { id: created.json.id } });
  expect(row.secret).toMatch(/^v1:/);
  expect(row.secret).not.toContain(secret);
  const list = await call('channels', 'GET');
  expect(list.text).not.toContain(secret);
  expect(list.text).not.toContain('tokenvalue');
  const patched = await call('channel', 'PATCH', { params: { id: created.json.id }, body: { delivery: 'hourly_digest' } });
  expect(patched.json).toMatchObject({ delivery: 'hourly_digest', hasSecret: true });
  expect(patched.text).not.toContain(secret);
  const email = await call('channels', 'POST', { body: { kind: 'email', name: 'Ops', to: ['ops@example.test'] } });
  expect(email.json).toMatchObject({ kind: 'email', to: ['ops@example.test'], hasSecret: false });
  expect(email.json.secret).toBeUndefined();
  expect((await call('channels', 'POST', { body: { kind: 'webhook', name: 'x', url: 'ftp://example.test' } })).status).toBe(400);
  expect((await call('channel', 'PATCH', { params: { id: email.json.id }, body: { url: 'https://example.test/' } })).json.error.message).toBe('url: only webhook channels have a URL');
  expect((await call('channel', 'DELETE', { params: { id: email.json.id } })).status).toBe(204);
  expect((await call('channels', 'GET')).json).toHaveLength(1);
});

test('incidents: filters, acknowledge, manual resolve, 409 on a resolved incident; the delivery log lists attempts and errors', async () => {
  await call('rules', 'GET');
  const channel = await db.alertChannel.create({ data: { name: 'Ops', kind: 'email', config: '{"to":["ops@example.test"]}' } });
  const mk = (ruleId: string, subjectId: string, label: string) =>
    db.incident.create({ data: { ruleId, subjectType: 'zone', subjectId, subjectLabel: label, openKey: `${ruleId}:zone:${subjectId}`, severity: 'warning', title: `Zone ${label} unhealthy`, detail: '{"failedSweeps":3,"notice":"opened","group":null}' } });
  const a = await mk('rule-zone_unhealthy', 'bl.test', 'bl.test');
  await mk('rule-job_failed', 'dnsbl.sweep', 'dnsbl.sweep');
  await db.notification.create({ data: { channelId: channel.id, incidentId: a.id, kind: 'opened', status: 'pending', attempts: 2, lastError: '550 5.7.1 relaying denied', payload: JSON.stringify({ title: 'Zone bl.test unhealthy' }) } });
  const filtered = await call('incidents', 'GET', { path: '/api/incidents?kind=zone_unhealthy&subject=BL.TEST' });
  expect(filtered.json.map((i: { id: string }) => i.id)).toEqual([a.id]);
  expect(filtered.json[0].detail).toEqual({ failedSweeps: 3 });
  expect((await call('incidents', 'GET', { path: '/api/incidents?status=bogus' })).status).toBe(400);
  const acked = await call('acknowledge', 'POST', { params: { id: a.id } });
  expect(acked.json).toMatchObject({ status: 'acknowledged' });
  expect(acked.json.acknowledgedAt).not.toBeNull();
  const resolved = await call('resolve', 'POST', { params: { id: a.id } });
  expect(resolved.json).toMatchObject({ status: 'resolved', resolvedBy: 'manual' });
  expect((await db.incident.findUniqueOrThrow({ where: { id: a.id } })).openKey).toBeNull();
  expect((await call('resolve', 'POST', { params: { id: a.id } })).status).toBe(409);
  expect((await call('acknowledge', 'POST', { params: { id: 'missing' } })).status).toBe(404);
  const live = await call('incidents', 'GET', { path: '/api/incidents?status=live' });
  expect(live.json.map((i: { ruleKind: string }) => i.ruleKind)).toEqual(['job_failed']);
  const log = await call('notifications', 'GET', { path: `/api/notifications?channelId=${channel.id}` });
  expect(log.json).toEqual([expect.objectContaining({ channelName: 'Ops', kind: 'opened', status: 'pending', attempts: 2, lastError: '550 5.7.1 relaying denied', title: 'Zone bl.test unhealthy' })]);
});
