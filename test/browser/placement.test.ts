import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp } from '../helpers/app.ts';
import type { RunningApp } from '../helpers/app.ts';
import { startMailStack } from '../helpers/mail-stack.ts';
import type { MailStack } from '../helpers/mail-stack.ts';

// What a user sees of placement tests: Debian's chromium (playwright-core) on the app started with `npm start`,
// against the local mail chain of test/helpers/mail-stack.ts (Postfix submission with STARTTLS and AUTH → rspamd
// DKIM signing and scanning → Postfix MX → Dovecot LMTP with Sieve filing spam). sender.test is clean (inbox);
// listed.test is on the MX's domain blocklist (spam). The placement timing is set on the Settings page, the SMTP
// outcome, placement, folder and the receiver's SPF/DKIM/DMARC (its Authentication-Results) are read on each test's
// detail page, and a stored password is removed through the server form. Screenshots are kept in
// test-results/browser/.

const SHOTS = path.resolve('test-results/browser');
const PROVIDERS: Record<string, string> = {
  'seed-junk@example.test': 'outlook',
  'seed-bulk@example.test': 'yahoo',
  'seed-fr@example.test': 'other',
};
const SPAM_FOLDERS: Record<string, string> = {
  'seed-junk@example.test': 'Junk',
  'seed-bulk@example.test': 'Bulk Mail',
  'seed-fr@example.test': 'Courrier indésirable',
};

let stack: MailStack;
let app: RunningApp;
let browser: Browser;
let page: Page;
let dataDir: string;

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

/** Waits on the open detail page until the test is complete (the page polls every 3 s). */
async function waitComplete(): Promise<string> {
  await page.getByTestId('placement-header').waitFor();
  await expect
    .poll(() => page.getByTestId('placement-header').getAttribute('data-status'), { timeout: 150_000, interval: 1_000 })
    .toBe('complete');
  return (await page.getByTestId('placement-header').getAttribute('data-test-id')) as string;
}

const resultRow = (address: string): Locator => page.locator(`[data-testid="result-row"][data-mailbox="${address}"]`);

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  stack = await startMailStack();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-placement-browser-'));
  app = await startApp({
    env: {
      DATABASE_URL: `file:${path.join(dataDir, 'inboxwatch.db')}`,
      DATA_DIR: dataDir,
      DNSBL_RESOLVER: stack.rbl.server,
      JOBS_ENABLED: 'true',
    },
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await stack?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a user registers a server and seed mailboxes, runs placement tests and reads each seed’s outcome', async () => {
  // Settings page: a short collection deadline and poll interval, applied by the worker without a restart.
  await page.goto(`${app.url}/settings`);
  const deadline = page.getByTestId('settings-placement-deadline');
  await deadline.waitFor();
  expect(await deadline.inputValue()).toBe('1800');
  expect(await page.getByTestId('settings-placement-poll').inputValue()).toBe('30');
  await deadline.fill('120');
  await page.getByTestId('settings-placement-poll').fill('200');
  await page.getByTestId('placement-settings-save').click();
  expect(await page.getByTestId('placement-settings-error').textContent()).toBe(
    'placementPollIntervalSeconds (200) must be shorter than placementCollectDeadlineSeconds (120)',
  );
  await page.getByTestId('settings-placement-poll').fill('5');
  await page.getByTestId('placement-settings-save').click();
  expect(await page.getByTestId('placement-settings-saved').textContent()).toBe('Saved: deadline 120 s, poll every 5 s (from the next worker tick).');
  await page.screenshot({ path: path.join(SHOTS, 'settings-placement.png'), fullPage: true });

  // Servers page: the clean sender through the form (STARTTLS on submission, self-signed certificate trusted).
  await page.goto(`${app.url}/servers`);
  await page.getByTestId('server-name').fill('submission-clean');
  await page.getByTestId('server-host').fill('127.0.0.1');
  await page.getByTestId('server-port').fill(String(stack.submission.port));
  await page.getByTestId('server-security').selectOption('starttls');
  await page.getByTestId('server-auth-user').fill(stack.clean.authUser);
  await page.getByTestId('server-password').fill(stack.clean.password);
  await page.getByTestId('server-from').fill(stack.clean.fromAddress);
  await page.getByTestId('server-helo').fill('mail-out.sender.test');
  await page.getByTestId('server-trust-self-signed').check();
  expect(await page.getByTestId('server-trust-warning').textContent()).toContain('will not be verified');
  await page.getByTestId('server-submit').click();
  const serverRow = page.locator('[data-testid="server-row"][data-name="submission-clean"]');
  await serverRow.waitFor();
  const cleanId = (await serverRow.getAttribute('data-server-id')) as string;
  expect(await serverRow.textContent()).toContain(`127.0.0.1:${stack.submission.port}`);
  expect(await serverRow.getByTestId('server-has-password').textContent()).toBe('password set');
  expect(await page.content()).not.toContain(stack.clean.password);

  const actions = page.locator(`[data-testid="server-actions-row"][data-server-id="${cleanId}"]`);
  await actions.getByTestId('server-test-connection').click();
  const connection = actions.getByTestId('connection-result');
  await connection.waitFor({ timeout: 30_000 });
  expect(await connection.getAttribute('data-ok')).toBe('true');
  for (const step of ['connect', 'tls', 'ehlo', 'auth']) {
    expect(await actions.locator(`[data-testid="connection-step"][data-step="${step}"]`).getAttribute('data-state')).toBe('passed');
  }
  await page.screenshot({ path: path.join(SHOTS, 'servers.png'), fullPage: true });

  // The listed sender through the API.
  const listed = await api<{ id: string }>('POST', '/api/smtp-servers', {
    name: 'submission-listed', host: '127.0.0.1', port: stack.submission.port, security: 'starttls', authUser: stack.listed.authUser,
    password: stack.listed.password, fromAddress: stack.listed.fromAddress, trustSelfSigned: true,
  });

  // Seed mailboxes page: one through the form with its connection test, the others through the API.
  await page.goto(`${app.url}/seed-mailboxes`);
  await page.getByTestId('mailbox-provider').selectOption('yahoo');
  await page.getByTestId('mailbox-address').fill('seed-bulk@example.test');
  await page.getByTestId('mailbox-host').fill('127.0.0.1');
  await page.getByTestId('mailbox-port').fill(String(stack.dovecot.imapsPort));
  await page.getByTestId('mailbox-security').selectOption('implicit_tls');
  await page.getByTestId('mailbox-secret').fill('seedpass');
  await page.getByTestId('mailbox-trust-self-signed').check();
  await page.getByTestId('mailbox-submit').click();
  const bulkRow = page.locator('[data-testid="mailbox-row"][data-address="seed-bulk@example.test"]');
  await bulkRow.waitFor();
  const bulkId = (await bulkRow.getAttribute('data-mailbox-id')) as string;
  const bulkActions = page.locator(`[data-testid="mailbox-actions-row"][data-mailbox-id="${bulkId}"]`);
  await bulkActions.getByTestId('mailbox-test-connection').click();
  const imapResult = bulkActions.getByTestId('mailbox-connection-result');
  await imapResult.waitFor({ timeout: 30_000 });
  expect(await imapResult.getAttribute('data-spam')).toBe('Bulk Mail');
  expect(await imapResult.getByTestId('mailbox-spam-folder-found').textContent()).toMatch(/Bulk Mail.*name/);
  expect(await page.content()).not.toContain('seedpass');
  for (const address of ['seed-junk@example.test', 'seed-fr@example.test']) {
    await api('POST', '/api/seed-mailboxes', {
      provider: PROVIDERS[address], address, imapHost: '127.0.0.1', imapPort: stack.dovecot.imapsPort, imapSecurity: 'implicit_tls',
      imapUser: address, password: 'seedpass', trustSelfSigned: true,
    });
  }
  await page.reload();
  await expect.poll(() => page.getByTestId('mailbox-row').count()).toBe(3);
  await page.screenshot({ path: path.join(SHOTS, 'seed-mailboxes.png'), fullPage: true });

  // Clean sender: "Run placement test now" opens the test, which the page follows until complete.
  await page.goto(`${app.url}/servers`);
  await page.locator(`[data-testid="server-actions-row"][data-server-id="${cleanId}"]`).getByTestId('server-run-test').click();
  await page.waitForURL(/\/placement\/[^/]+$/);
  const cleanTestId = await waitComplete();
  const cleanDetail = await api<{ results: { mailbox: string; egressIp: string | null }[] }>('GET', `/api/placement-tests/${cleanTestId}`);
  for (const address of Object.keys(PROVIDERS)) {
    const row = resultRow(address);
    expect(await row.getAttribute('data-provider')).toBe(PROVIDERS[address]);
    expect(await row.getByTestId('placement-badge').textContent()).toBe('inbox');
    expect(await row.getByTestId('result-folder').textContent()).toBe('INBOX');
    expect(await row.getByTestId('smtp-outcome').getAttribute('data-outcome')).toBe('accepted');
    expect(await row.getByTestId('smtp-outcome').textContent()).toContain('accepted by relay');
    expect(await row.getByTestId('smtp-reply').textContent()).toMatch(/^250 2\.0\.0 Ok: queued as/);
    expect(await row.getByTestId('auth-spf').textContent()).toBe('SPF pass');
    expect(await row.getByTestId('auth-dkim').textContent()).toBe('DKIM pass');
    expect(await row.getByTestId('auth-dmarc').textContent()).toBe('DMARC pass');
    expect(Number(await row.getByTestId('result-latency').getAttribute('data-ms'))).toBeGreaterThanOrEqual(0);
    expect(await row.getByTestId('result-latency').textContent()).toMatch(/^\d+ ms$|^\d+(\.\d)? s$/);
    const seen = cleanDetail.results.find((r) => r.mailbox === address);
    expect(await row.getByTestId('egress-ip').getAttribute('data-ip')).toBe(seen?.egressIp ?? '');
  }
  const counts = page.getByTestId('placement-counts');
  expect(await counts.getAttribute('data-inbox')).toBe('3');
  expect(await counts.textContent()).toContain('3 inbox');
  await page.screenshot({ path: path.join(SHOTS, 'placement-detail-clean.png'), fullPage: true });

  // Listed sender: every seed is filed as spam, each in its own spam folder.
  const { id: listedTestId } = await api<{ id: string }>('POST', '/api/placement-tests', { serverId: listed.id });
  await page.goto(`${app.url}/placement/${listedTestId}`);
  await waitComplete();
  for (const [address, folder] of Object.entries(SPAM_FOLDERS)) {
    expect(await resultRow(address).getByTestId('placement-badge').textContent()).toBe('spam');
    expect(await resultRow(address).getByTestId('result-folder').textContent()).toBe(folder);
    expect(await resultRow(address).getByTestId('smtp-outcome').textContent()).toContain('accepted by relay');
  }
  expect(await page.getByTestId('placement-counts').getAttribute('data-spam')).toBe('3');
  await page.screenshot({ path: path.join(SHOTS, 'placement-detail-listed.png'), fullPage: true });

  // The list shows both tests with their counts and filters by server.
  await page.getByTestId('nav-placement').click();
  const listRow = (id: string) => page.locator(`[data-testid="placement-test-row"][data-test-id="${id}"]`);
  await listRow(cleanTestId).waitFor();
  expect(await listRow(cleanTestId).getByTestId('placement-counts').textContent()).toContain('3 inbox');
  expect(await listRow(listedTestId).getByTestId('placement-counts').textContent()).toContain('3 spam');
  await page.getByTestId('placement-server-filter').selectOption(listed.id);
  await expect.poll(() => page.getByTestId('placement-test-row').count()).toBe(1);
  await page.screenshot({ path: path.join(SHOTS, 'placement-list.png'), fullPage: true });

  // Inbox rate per provider: 50 % each over the two tests on the overview, 100 % on the clean server's page.
  await page.getByTestId('nav-overview').click();
  const chart = page.getByTestId('inbox-rate-chart');
  await chart.waitFor();
  expect(await chart.getAttribute('data-providers')).toBe('other,outlook,yahoo');
  expect(await chart.getAttribute('aria-label')).toContain('Outlook 50%');
  expect(await chart.locator('svg').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'overview-inbox-rate.png'), fullPage: true });
  await page.goto(`${app.url}/servers/${cleanId}`);
  const serverChart = page.getByTestId('server-inbox-rate-chart');
  await serverChart.waitFor();
  expect(await serverChart.getAttribute('aria-label')).toContain('Yahoo 100%');
  expect(await page.locator(`[data-testid="placement-test-row"][data-test-id="${cleanTestId}"]`).count()).toBe(1);
  await page.screenshot({ path: path.join(SHOTS, 'server-detail.png'), fullPage: true });

  // The egress IP the receiver saw is offered for monitoring; here it is loopback, which the assets API refuses with
  // the reason (no blocklist lists it), and the row says so.
  await page.goto(`${app.url}/placement/${cleanTestId}`);
  const egress = resultRow('seed-junk@example.test').getByTestId('egress-ip');
  await egress.waitFor();
  expect(await egress.getAttribute('data-ip')).toBe('127.0.0.1');
  expect(await egress.getAttribute('data-monitored')).toBe('false');
  await resultRow('seed-junk@example.test').getByTestId('egress-add').click();
  expect(await resultRow('seed-junk@example.test').getByTestId('egress-error').textContent()).toContain('loopback');

  // The stored password can be removed from the edit form ("no password" afterwards; PATCH password: null).
  await page.goto(`${app.url}/servers/${cleanId}`);
  await page.getByTestId('server-edit').click();
  await page.getByTestId('server-remove-password').check();
  expect(await page.getByTestId('server-password').isDisabled()).toBe(true);
  expect(await page.getByTestId('server-password-state').textContent()).toBe('The stored password will be removed when you save.');
  await page.getByTestId('server-submit').click();
  await expect.poll(async () => (await api<{ hasPassword: boolean }>('GET', `/api/smtp-servers/${cleanId}`)).hasPassword).toBe(false);
  await page.goto(`${app.url}/servers`);
  expect(await page.locator('[data-testid="server-row"][data-name="submission-clean"]').getByTestId('server-has-password').textContent()).toBe('no password');
}, 420_000);
