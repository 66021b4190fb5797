import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp } from '../helpers/app.ts';
import type { RunningApp } from '../helpers/app.ts';
import { startRbldnsd } from '../helpers/rbldnsd.ts';
import type { Rbldnsd } from '../helpers/rbldnsd.ts';

// The Alerts page in Debian's chromium on `npm start`: a listing served by rbldnsd and swept by the scheduler
// opens an incident; the user acknowledges it, sees its state change, then resolves it into the history.

const SHOTS = path.resolve('test-results/browser');
const LISTED_IP = '192.0.2.77';

let rbl: Rbldnsd;
let app: RunningApp;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  rbl = await startRbldnsd({
    zones: [{ zone: 'zen.spamhaus.org', type: 'ip4set', data: [':127.0.0.2:Listed by Spamhaus SBL $', '127.0.0.2', `${LISTED_IP} :4:Exploited host (XBL) $`].join('\n') }],
  });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-alerts-browser-'));
  app = await startApp({
    env: {
      DATABASE_URL: `file:${path.join(dataDir, 'inboxwatch.db')}`,
      DNSBL_RESOLVER: rbl.server,
      DNSBL_TIMEOUT_MS: '500',
      DNSBL_CONFIRM_DELAY_MS: '100',
      DNSBL_SWEEP_CRON: '*/3 * * * * *',
    },
  });
  const zones = (await (await fetch(`${app.url}/api/zones`)).json()) as { zone: string; enabled: boolean }[];
  for (const z of zones.filter((z) => z.enabled && z.zone !== 'zen.spamhaus.org')) {
    await fetch(`${app.url}/api/zones/${z.zone}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enabled: false }) });
  }
  await fetch(`${app.url}/api/assets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: LISTED_IP, label: 'mx7' }) });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await rbl?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a user acknowledges a listing incident on the Alerts page and sees its state change, then resolves it; the still-listed target reopens it', async () => {
  await page.goto(`${app.url}/`);
  await page.getByTestId('nav-alerts').click();
  await page.getByTestId('rules-table').waitFor();
  expect(await page.locator('[data-testid="rule-row"]').count()).toBe(12);
  expect(await page.locator('[data-testid="rule-row"][data-rule-kind="listing_new"]').getAttribute('data-enabled')).toBe('true');

  const row = page.locator('[data-testid="incidents-open"] [data-testid="incident-row"][data-rule-kind="listing_new"]');
  await row.first().waitFor({ timeout: 60_000 });
  expect(await row.count()).toBe(1);
  expect(await row.textContent()).toContain(`${LISTED_IP} listed on zen.spamhaus.org`);
  expect(await row.getAttribute('data-status')).toBe('open');

  await row.getByTestId('incident-acknowledge').click();
  await expect.poll(() => row.getAttribute('data-status')).toBe('acknowledged');
  expect(await row.getByTestId('incident-status').textContent()).toBe('acknowledged');
  expect(await row.getByTestId('incident-acknowledge').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'alerts-acknowledged.png'), fullPage: true });

  await page.getByTestId('incident-filter-subject').fill('198.51.100.1');
  await expect.poll(() => row.count()).toBe(0);
  await page.getByTestId('incident-filter-subject').fill(LISTED_IP);
  await expect.poll(() => row.count()).toBe(1);

  const [resolved] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/resolve') && r.request().method() === 'POST'),
    row.getByTestId('incident-resolve').click(),
  ]);
  expect(resolved.status()).toBe(200);
  expect(await resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: 'manual' });
  // The page moves it to the history, unless the next sweep (every 3 s) has already reopened it: both are what
  // the user may see, and the reopening is checked below either way.
  const history = page.locator('[data-testid="incidents-history"] [data-testid="incident-row"][data-rule-kind="listing_new"][data-status="resolved"]');
  let historyText: string | null = null;
  await expect
    .poll(
      async () => {
        if ((await history.count()) === 1) historyText = await history.first().textContent({ timeout: 1000 }).catch(() => null);
        return historyText !== null || /×2/.test((await row.textContent({ timeout: 1000 }).catch(() => '')) ?? '');
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  if (historyText !== null) expect(historyText).toContain('(manual)');
  // The listing still holds: within the cooldown the next sweep reopens the same incident (×2), without a new notice.
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('open');
  expect(await row.textContent()).toContain('×2');
});
