import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp } from '../helpers/app.ts';
import type { RunningApp } from '../helpers/app.ts';
import { startMailStack } from '../helpers/mail-stack.ts';
import type { MailStack } from '../helpers/mail-stack.ts';

// The placement product path: `npm start` on a fresh SQLite file with short placement settings, two SMTP servers
// and three seed mailboxes registered through the API against the real chain (Postfix submission → rspamd →
// Postfix MX → Dovecot), the scheduler running the clean server's test on its own (scheduleCron every minute), a
// manual test through the blocklisted sender, outcomes and Authentication-Results read back from the API.

let stack: MailStack;
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

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}\n--- app output ---\n${app.output().slice(-3000)}\n${stack.logs()}`);
}

interface Detail {
  id: string;
  serverName: string;
  trigger: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  counts: Record<string, number>;
  results: {
    mailbox: string;
    smtp: { outcome: string; code: number | null; sentAt: string | null };
    placement: string;
    folder: string | null;
    latencyMs: number | null;
    foundAt: string | null;
    auth: { spf: string | null; dkim: string | null; dmarc: string | null };
    authDetails: { spf: { domain?: string } | null; dkim: { domain?: string }[] } | null;
    egressIp: string | null;
    egressMonitored: boolean;
  }[];
}

beforeAll(async () => {
  stack = await startMailStack();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-e2e-placement-'));
  app = await startApp({
    env: {
      DATABASE_URL: `file:${path.join(dataDir, 'inboxwatch.db')}`,
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PLACEMENT_COLLECT_DEADLINE_SECONDS: '120',
      PLACEMENT_POLL_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'info',
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await stack?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a scheduled test lands in the inbox, a blocklisted sender in each spam folder, with the receiver\'s SPF/DKIM/DMARC', async () => {
  const serverBody = (account: MailStack['clean'], name: string, scheduleCron: string) => ({
    name, host: '127.0.0.1', port: stack.submission.port, security: 'starttls', authUser: account.authUser,
    password: account.password, fromAddress: account.fromAddress, heloName: 'client.sender.test', trustSelfSigned: true, scheduleCron,
  });
  const clean = await api<{ id: string; hasPassword: boolean }>('POST', '/api/smtp-servers', serverBody(stack.clean, 'Clean relay', '* * * * *'));
  expect(clean.status).toBe(201);
  expect(clean.json.hasPassword).toBe(true);
  const listed = await api<{ id: string }>('POST', '/api/smtp-servers', serverBody(stack.listed, 'Listed relay', '0 0 1 1 *'));
  expect(listed.status).toBe(201);

  // No seed mailbox yet: a manual test is refused with the reason.
  const refused = await api<{ error: { code: string; message: string } }>('POST', '/api/placement-tests', { serverId: listed.json.id });
  expect(refused.status).toBe(409);
  expect(refused.json.error.message).toMatch(/no seed mailbox is enabled/);

  for (const seed of stack.seeds) {
    const res = await api('POST', '/api/seed-mailboxes', {
      provider: 'other', address: seed.address, imapHost: '127.0.0.1', imapPort: stack.dovecot.imapPort, imapSecurity: 'starttls',
      password: seed.password, trustSelfSigned: true,
    });
    expect(res.status).toBe(201);
  }

  const manual = await api<{ id: string }>('POST', '/api/placement-tests', { serverId: listed.json.id });
  expect(manual.status).toBe(201);

  const scheduled = await until(
    'the scheduled test of the clean server to complete',
    async () => {
      const { json } = await api<{ id: string; trigger: string; status: string }[]>('GET', `/api/placement-tests?serverId=${clean.json.id}`);
      const done = json.find((t) => t.trigger === 'schedule' && t.status === 'complete');
      return done ? (await api<Detail>('GET', `/api/placement-tests/${done.id}`)).json : undefined;
    },
    150_000,
  );
  const spam = await until(
    'the manual test of the listed server to complete',
    async () => {
      const { json } = await api<Detail>('GET', `/api/placement-tests/${manual.json.id}`);
      return json.status === 'complete' ? json : undefined;
    },
    60_000,
  );

  for (const view of [scheduled, spam]) {
    const sent = Math.min(...view.results.map((r) => Date.parse(r.smtp.sentAt!)));
    const lastFound = Math.max(...view.results.map((r) => Date.parse(r.foundAt!)));
    console.log(
      `${view.serverName} (${view.trigger}): created → complete ${Date.parse(view.completedAt!) - Date.parse(view.createdAt)} ms, ` +
        `first send → last arrival ${lastFound - sent} ms, per-seed latency ${view.results.map((r) => `${r.mailbox}=${r.latencyMs} ms`).join(', ')}`,
    );
  }

  expect(scheduled.counts).toMatchObject({ inbox: 3, spam: 0, missing: 0, error: 0, pending: 0 });
  for (const r of scheduled.results) {
    expect(r).toMatchObject({ placement: 'inbox', folder: 'INBOX', egressIp: '127.0.0.1', egressMonitored: false });
    expect(r.smtp).toMatchObject({ outcome: 'accepted', code: 250 });
    expect(r.auth).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(r.authDetails?.spf?.domain).toBe('sender.test');
  }
  expect(spam.counts).toMatchObject({ inbox: 0, spam: 3, missing: 0, error: 0 });
  expect(Object.fromEntries(spam.results.map((r) => [r.mailbox, r.folder]))).toEqual({
    'seed-bulk@example.test': 'Bulk Mail',
    'seed-fr@example.test': 'Courrier indésirable',
    'seed-junk@example.test': 'Junk',
  });
  for (const r of spam.results) expect(r.auth).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });

  const stats = await api<{ provider: string; sent: number; inboxRate: number }[]>('GET', `/api/placement-stats?serverId=${listed.json.id}&days=1`);
  expect(stats.json).toEqual([expect.objectContaining({ provider: 'other', sent: 3, inboxRate: 0 })]);
  const badStats = await api<{ error: { code: string } }>('GET', '/api/placement-stats?days=0');
  expect(badStats.status).toBe(400);
}, 300_000);
