import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp } from '../helpers/app.ts';
import type { RunningApp } from '../helpers/app.ts';
import { startRbldnsd } from '../helpers/rbldnsd.ts';
import type { Rbldnsd } from '../helpers/rbldnsd.ts';
import { readableMessage, startSmtpSink } from '../helpers/smtp-sink.ts';

// The whole product path: `npm start` on a fresh SQLite file, real rbldnsd serving two catalog zones, assets
// added through the API, the scheduler sweeping on its own, verdicts read back from the API and the alert
// emails (listing, then delisting) read from an SMTP peer.

const LISTED_IP = '192.0.2.99';
const CLEAN_IP = '192.0.2.1';
const SERVED_ZONES = ['zen.spamhaus.org', 'bl.spamcop.net'];

const zen = (listed: boolean) =>
  [
    ':127.0.0.2:Listed by Spamhaus SBL, see https://check.spamhaus.org/query/ip/$',
    '127.0.0.2',
    ...(listed ? [`${LISTED_IP} :4:Exploited host (XBL), see https://check.spamhaus.org/query/ip/$`] : []),
  ].join('\n');
const spamcop = [':127.0.0.2:Blocked - see https://www.spamcop.net/bl.shtml?$', '127.0.0.2', LISTED_IP].join('\n');

let rbl: Rbldnsd;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let app: RunningApp;
let dataDir: string;

async function api<T>(method: string, route: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}\n--- app output ---\n${app.output().slice(-3000)}`);
}

interface ListingRow {
  target: string;
  zone: string;
  verdict: string;
  reason?: string;
  codes: string[];
  meanings: string[];
  txt?: string;
  since: string;
  delistUrl?: string;
}

beforeAll(async () => {
  rbl = await startRbldnsd({
    zones: [
      { zone: 'zen.spamhaus.org', type: 'ip4set', data: zen(true) },
      { zone: 'bl.spamcop.net', type: 'ip4set', data: spamcop },
    ],
  });
  sink = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-e2e-'));
  app = await startApp({
    env: {
      DATABASE_URL: `file:${path.join(dataDir, 'inboxwatch.db')}`,
      DNSBL_RESOLVER: rbl.server,
      DNSBL_SWEEP_CRON: '*/3 * * * * *',
      DNSBL_TIMEOUT_MS: '500',
      DNSBL_CONFIRM_DELAY_MS: '100',
      ALERT_SMTP_URL: sink.url,
      ALERT_EMAIL_TO: 'admin@example.test',
      LOG_LEVEL: 'info',
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await sink?.close();
  await rbl?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a scheduled sweep lists the listed IP, clears the clean one and emails the listing, then the delisting', async () => {
  const { json: zones } = await api<{ zone: string; enabled: boolean; status: string }[]>('GET', '/api/zones');
  expect(zones.length).toBeGreaterThanOrEqual(40);
  for (const z of zones.filter((z) => z.enabled && !SERVED_ZONES.includes(z.zone))) {
    const { status } = await api('PATCH', `/api/zones/${z.zone}`, { enabled: false });
    expect(status).toBe(200);
  }

  const bad = await api<{ error: { message: string; code: string } }>('POST', '/api/assets', { value: '300.1.1.1' });
  expect(bad.status).toBe(400);
  expect(bad.json.error.code).toBe('invalid_input');

  const listed = await api<{ id: string; kind: string; value: string }>('POST', '/api/assets', { value: LISTED_IP, label: 'mx1' });
  const clean = await api<{ id: string; kind: string; value: string }>('POST', '/api/assets', { value: CLEAN_IP });
  expect(listed.status).toBe(201);
  expect(listed.json).toMatchObject({ kind: 'ip', value: LISTED_IP });
  expect(clean.status).toBe(201);

  const rows = await until('both zones to report on the listed IP', async () => {
    const { json } = await api<ListingRow[]>('GET', `/api/assets/${listed.json.id}/listings`);
    const listedRows = json.filter((r) => r.verdict === 'listed');
    return listedRows.length === 2 ? json : undefined;
  });
  const zenRow = rows.find((r) => r.zone === 'zen.spamhaus.org');
  expect(zenRow).toMatchObject({ target: LISTED_IP, verdict: 'listed', codes: ['127.0.0.4'] });
  expect(zenRow?.meanings[0]).toMatch(/XBL/);
  expect(zenRow?.txt).toBe(`Exploited host (XBL), see https://check.spamhaus.org/query/ip/${LISTED_IP}`);
  expect(zenRow?.delistUrl).toBe('https://check.spamhaus.org/');
  expect(rows.find((r) => r.zone === 'bl.spamcop.net')).toMatchObject({ verdict: 'listed', codes: ['127.0.0.2'] });

  const cleanRows = await until('the clean IP to be checked', async () => {
    const { json } = await api<ListingRow[]>('GET', `/api/assets/${clean.json.id}/listings`);
    return json.filter((r) => SERVED_ZONES.includes(r.zone) && r.verdict === 'not_listed').length === 2 ? json : undefined;
  });
  expect(cleanRows.filter((r) => r.verdict === 'listed')).toEqual([]);

  const { json: assets } = await api<{ value: string; status: string; listed: number }[]>('GET', '/api/assets');
  expect(assets.find((a) => a.value === LISTED_IP)).toMatchObject({ status: 'listed', listed: 2 });
  expect(assets.find((a) => a.value === CLEAN_IP)).toMatchObject({ status: 'clean', listed: 0 });

  const listingMail = await until('the listing alert email', async () =>
    sink.messages.find((m) => m.raw.includes('zen.spamhaus.org') && !/delisted/i.test(m.raw)),
  );
  const text = readableMessage(listingMail.raw);
  expect(listingMail.to).toEqual(['admin@example.test']);
  expect(text).toContain('zen.spamhaus.org');
  expect(text).toContain('127.0.0.4');
  expect(text).toMatch(/XBL/);
  expect(text).toContain(`Exploited host (XBL), see https://check.spamhaus.org/query/ip/${LISTED_IP}`);
  expect(text).toContain('https://check.spamhaus.org/');
  expect(sink.messages.filter((m) => m.raw.includes(CLEAN_IP))).toEqual([]);

  const { json: overview } = await api<{ listed: number; clean: number; resolver: { status: string } }>('GET', '/api/overview');
  expect(overview).toMatchObject({ listed: 1, clean: 1 });
  expect(overview.resolver.status).toBe('ok');

  // Delisting: the operator removes the entry; two clean sweeps later the delisting counts and is emailed once.
  fs.writeFileSync(path.join(rbl.dir, 'z0.ip4set'), `${zen(false)}\n`);
  process.kill(rbl.pid, 'SIGHUP');
  await until('the delisting from zen.spamhaus.org', async () => {
    const { json } = await api<{ zone: string; kind: string }[]>('GET', `/api/assets/${listed.json.id}/events`);
    return json.some((e) => e.zone === 'zen.spamhaus.org' && e.kind === 'delisted') ? json : undefined;
  });
  const delistMail = await until('the delisting alert email', async () =>
    sink.messages.find((m) => /delisted/i.test(m.raw) && m.raw.includes('zen.spamhaus.org')),
  );
  expect(delistMail.raw).toContain(LISTED_IP);

  const { json: events } = await api<{ zone: string; kind: string }[]>('GET', `/api/assets/${listed.json.id}/events`);
  expect(events.filter((e) => e.kind === 'listed').map((e) => e.zone).sort()).toEqual([...SERVED_ZONES].sort());
  expect(events.filter((e) => e.kind === 'delisted').map((e) => e.zone)).toEqual(['zen.spamhaus.org']);

  const { json: jobs } = await api<{ runs: { jobId: string; status: string }[]; schedules: { jobId: string; nextRunAt: string }[] }>('GET', '/api/jobs');
  expect(jobs.runs.filter((r) => r.jobId === 'dnsbl.sweep' && r.status === 'succeeded').length).toBeGreaterThanOrEqual(3);
  expect(jobs.schedules.find((s) => s.jobId === 'dnsbl.sweep')?.nextRunAt).toBeTruthy();
});
