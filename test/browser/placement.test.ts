import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp } from '../helpers/app.ts';
import type { RunningApp } from '../helpers/app.ts';
import { startDovecot } from '../helpers/dovecot.ts';
import type { Dovecot } from '../helpers/dovecot.ts';

// What a user sees of placement tests: Debian's chromium (playwright-core) on the app started with `npm start`.
// (The full Postfix/rspamd chain of test/helpers/mail-stack.ts deferred every seed with 451 4.7.1 from a failing
// rspamd milter when this was written, so the MX is played in process.) The server's SMTP peer is an in-process relay that acts as the receiving MX: it refuses one seed at RCPT
// (550 5.1.1), stamps Received and Authentication-Results (with Microsoft's non-standard `bestguesspass` for
// DMARC) on the others, marks one as spam, and delivers them over LMTP into Debian's Dovecot, where the Sieve rule
// files the marked one into the spam folder. Collection reads them back with imapflow. Screenshots are kept in
// test-results/browser/.

const SHOTS = path.resolve('test-results/browser');
const EGRESS_IP = '192.0.2.25';
const INBOX_SEED = 'seed-junk@example.test';
const SPAM_SEED = 'seed-bulk@example.test';
const REFUSED_SEED = 'seed-fr@example.test';

let dovecot: Dovecot;
let relay: SMTPServer;
let relayPort: number;
let app: RunningApp;
let browser: Browser;
let page: Page;
let dataDir: string;

/** The receiving MX: 550 5.1.1 for REFUSED_SEED, otherwise headers a receiver stamps, then LMTP into Dovecot. */
async function startRelay(): Promise<void> {
  relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED_SEED) {
        callback(Object.assign(new Error('5.1.1 <seed-fr@example.test>: Recipient address rejected: User unknown'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const deliveries = session.envelope.rcptTo.map(({ address }) => {
          const stamp = [
            `Authentication-Results: mx.example.test; spf=pass (sender IP is ${EGRESS_IP}) smtp.mailfrom=sender.test; dkim=pass header.d=sender.test header.s=s1; dmarc=bestguesspass action=none header.from=sender.test`,
            `Received: from mail-out.sender.test (mail-out.sender.test [${EGRESS_IP}]) by mx.example.test with ESMTP for <${address}>; ${new Date().toUTCString()}`,
            ...(address === SPAM_SEED ? ['X-Test-Spam: yes'] : []),
          ].join('\r\n');
          return dovecot.deliver(`${stamp}\r\n${raw}`, address, session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined);
        });
        Promise.all(deliveries).then(() => callback(), (err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  relayPort = (relay.server.address() as AddressInfo).port;
}

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dovecot = await startDovecot();
  await startRelay();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-placement-browser-'));
  app = await startApp({
    env: {
      DATABASE_URL: `file:${path.join(dataDir, 'inboxwatch.db')}`,
      DATA_DIR: dataDir,
      DNSBL_RESOLVER: '127.0.0.1',
      JOBS_ENABLED: 'true',
      PLACEMENT_POLL_INTERVAL_SECONDS: '5',
      PLACEMENT_COLLECT_DEADLINE_SECONDS: '60',
    },
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  await dovecot?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a user registers a server and seed mailboxes, runs a placement test and reads each seed’s outcome', async () => {
  // Servers page: add the server through the form; the password is write-only.
  await page.goto(`${app.url}/servers`);
  await page.getByTestId('server-name').fill('relay-1');
  await page.getByTestId('server-host').fill('127.0.0.1');
  await page.getByTestId('server-port').fill(String(relayPort));
  await page.getByTestId('server-security').selectOption('none');
  await page.getByTestId('server-from').fill('seeds@sender.test');
  await page.getByTestId('server-helo').fill('mail-out.sender.test');
  await page.getByTestId('server-trust-self-signed').check();
  expect(await page.getByTestId('server-trust-warning').textContent()).toContain('will not be verified');
  await page.getByTestId('server-trust-self-signed').uncheck();
  await page.getByTestId('server-submit').click();
  const serverRow = page.locator('[data-testid="server-row"][data-name="relay-1"]');
  await serverRow.waitFor();
  const serverId = (await serverRow.getAttribute('data-server-id')) as string;
  expect(await serverRow.textContent()).toContain(`127.0.0.1:${relayPort}`);

  const actions = page.locator(`[data-testid="server-actions-row"][data-server-id="${serverId}"]`);
  await actions.getByTestId('server-test-connection').click();
  const connection = actions.getByTestId('connection-result');
  await connection.waitFor({ timeout: 30_000 });
  expect(await connection.getAttribute('data-ok')).toBe('true');
  const step = (name: string) => actions.locator(`[data-testid="connection-step"][data-step="${name}"]`).getAttribute('data-state');
  expect([await step('connect'), await step('tls'), await step('ehlo'), await step('auth')]).toEqual(['passed', 'skipped', 'passed', 'skipped']);
  expect(await actions.getByTestId('connection-message').textContent()).toMatch(/^Connection works\./);
  await page.screenshot({ path: path.join(SHOTS, 'servers.png'), fullPage: true });

  // Seed mailboxes page: three Dovecot users, one through the form and its connection test.
  await page.goto(`${app.url}/seed-mailboxes`);
  await page.getByTestId('mailbox-provider').selectOption('yahoo');
  await page.getByTestId('mailbox-address').fill(SPAM_SEED);
  await page.getByTestId('mailbox-host').fill('127.0.0.1');
  await page.getByTestId('mailbox-port').fill(String(dovecot.imapPort));
  await page.getByTestId('mailbox-security').selectOption('none');
  await page.getByTestId('mailbox-secret').fill('seedpass');
  await page.getByTestId('mailbox-submit').click();
  const bulkRow = page.locator(`[data-testid="mailbox-row"][data-address="${SPAM_SEED}"]`);
  await bulkRow.waitFor();
  const bulkId = (await bulkRow.getAttribute('data-mailbox-id')) as string;
  const bulkActions = page.locator(`[data-testid="mailbox-actions-row"][data-mailbox-id="${bulkId}"]`);
  await bulkActions.getByTestId('mailbox-test-connection').click();
  const imapResult = bulkActions.getByTestId('mailbox-connection-result');
  await imapResult.waitFor({ timeout: 30_000 });
  expect(await imapResult.getAttribute('data-spam')).toBe('Bulk Mail');
  expect(await imapResult.getByTestId('mailbox-spam-folder-found').textContent()).toMatch(/Bulk Mail.*name/);
  expect(await page.content()).not.toContain('seedpass');
  for (const [address, provider] of [[INBOX_SEED, 'outlook'], [REFUSED_SEED, 'other']]) {
    await api('POST', '/api/seed-mailboxes', {
      provider, address, imapHost: '127.0.0.1', imapPort: dovecot.imapPort, imapSecurity: 'none', imapUser: address, password: 'seedpass',
    });
  }
  await page.reload();
  await expect.poll(() => page.getByTestId('mailbox-row').count()).toBe(3);
  await page.screenshot({ path: path.join(SHOTS, 'seed-mailboxes.png'), fullPage: true });

  // Run a placement test now: the page opens the test and follows it until complete.
  await page.goto(`${app.url}/servers`);
  await page.locator(`[data-testid="server-actions-row"][data-server-id="${serverId}"]`).getByTestId('server-run-test').click();
  await page.waitForURL(/\/placement\/[^/]+$/);
  await page.getByTestId('placement-header').waitFor();
  await expect.poll(() => page.getByTestId('placement-header').getAttribute('data-status'), { timeout: 120_000, interval: 1_000 }).toBe('complete');
  const testId = (await page.getByTestId('placement-header').getAttribute('data-test-id')) as string;
  const detail = await api<{ results: { mailbox: string; placement: string; egressIp: string | null; egressMonitored: boolean }[] }>('GET', `/api/placement-tests/${testId}`);

  const row = (address: string) => page.locator(`[data-testid="result-row"][data-mailbox="${address}"]`);
  expect(await row(INBOX_SEED).getByTestId('placement-badge').getAttribute('data-placement')).toBe('inbox');
  expect(await row(INBOX_SEED).getByTestId('placement-badge').textContent()).toBe('inbox');
  expect(await row(INBOX_SEED).getByTestId('smtp-outcome').textContent()).toContain('accepted by relay');
  expect(await row(SPAM_SEED).getByTestId('placement-badge').textContent()).toBe('spam');
  expect(await row(SPAM_SEED).getByTestId('result-folder').textContent()).toBe('Bulk Mail');
  const refused = row(REFUSED_SEED).getByTestId('smtp-outcome');
  expect(await refused.getAttribute('data-outcome')).toBe('rejected');
  expect(await refused.textContent()).toMatch(/rejected.*invalid recipient/);
  expect(await refused.getByTestId('smtp-reply').textContent()).toMatch(/^550 5\.1\.1 .*User unknown/);

  for (const address of [INBOX_SEED, SPAM_SEED]) {
    expect(await row(address).getByTestId('auth-spf').textContent()).toBe('SPF pass');
    expect(await row(address).getByTestId('auth-dkim').textContent()).toBe('DKIM pass');
    // Microsoft's bestguesspass is no DMARC pass: the receiver found no record and guessed.
    expect(await row(address).getByTestId('auth-dmarc').getAttribute('data-result')).toBe('none');
    expect(await row(address).getByTestId('auth-dmarc').textContent()).toBe('DMARC none (bestguesspass)');
    expect(await row(address).getByTestId('auth-note').textContent()).toContain('no DMARC record');
    expect(Number(await row(address).getByTestId('result-latency').getAttribute('data-ms'))).toBeGreaterThanOrEqual(0);
    const seen = detail.results.find((r) => r.mailbox === address);
    expect(await row(address).getByTestId('egress-ip').getAttribute('data-ip')).toBe(seen?.egressIp ?? '');
  }
  expect(await page.getByTestId('placement-counts').getAttribute('data-inbox')).toBe('1');
  expect(await page.getByTestId('placement-counts').getAttribute('data-spam')).toBe('1');
  await page.screenshot({ path: path.join(SHOTS, 'placement-detail.png'), fullPage: true });

  // The egress IP is not monitored yet: adding it from the row makes it monitored.
  const inboxEgress = row(INBOX_SEED).getByTestId('egress-ip');
  const egress = await inboxEgress.getAttribute('data-ip');
  expect(egress).toBe(EGRESS_IP);
  await row(INBOX_SEED).getByTestId('egress-add').click();
  await expect.poll(() => inboxEgress.getAttribute('data-monitored')).toBe('true');
  expect(await row(SPAM_SEED).getByTestId('egress-ip').getAttribute('data-monitored')).toBe('true');

  // The list shows the test with its counts; the overview and the server page chart inbox rate per provider.
  await page.getByTestId('nav-placement').click();
  const listRow = page.locator(`[data-testid="placement-test-row"][data-test-id="${testId}"]`);
  await listRow.waitFor();
  expect(await listRow.getByTestId('placement-counts').textContent()).toContain('1 inbox, 1 spam, 1 error');
  await page.screenshot({ path: path.join(SHOTS, 'placement-list.png'), fullPage: true });
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('inbox-rate-chart').waitFor();
  // Only seeds the relay accepted count: Outlook 100 %, Yahoo 0 % (spam); the refused seed says nothing about placement.
  expect(await page.getByTestId('inbox-rate-chart').getAttribute('data-providers')).toBe('outlook,yahoo');
  expect(await page.getByTestId('inbox-rate-chart').getAttribute('aria-label')).toContain('Outlook 100%, Yahoo 0%');
  await page.screenshot({ path: path.join(SHOTS, 'overview-inbox-rate.png'), fullPage: true });
  await page.goto(`${app.url}/servers/${serverId}`);
  await page.getByTestId('server-inbox-rate-chart').waitFor();
  expect(await page.getByTestId('server-inbox-rate-chart').locator('svg').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'server-detail.png'), fullPage: true });
}, 300_000);
