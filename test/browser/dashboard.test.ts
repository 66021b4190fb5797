import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp } from '../helpers/app.ts';
import { startWorker } from '../helpers/worker.ts';
import type { RunningWorker } from '../helpers/worker.ts';
import type { RunningApp } from '../helpers/app.ts';
import { startRbldnsd } from '../helpers/rbldnsd.ts';
import type { Rbldnsd } from '../helpers/rbldnsd.ts';

// What a user sees: Debian's chromium (through playwright-core) on the app started with `npm start`, against
// rbldnsd serving two catalog zones. Screenshots are kept in test-results/browser/ as artifacts.

const SHOTS = path.resolve('test-results/browser');
const LISTED_IP = '192.0.2.99';

let rbl: Rbldnsd;
let app: RunningApp;
let browser: Browser;
let page: Page;
let dataDir: string;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  rbl = await startRbldnsd({
    zones: [
      {
        zone: 'zen.spamhaus.org',
        type: 'ip4set',
        data: [':127.0.0.2:Listed by Spamhaus SBL $', '127.0.0.2', `${LISTED_IP} :3:Snowshoe spam source $`].join('\n'),
      },
      { zone: 'bl.spamcop.net', type: 'ip4set', data: [':127.0.0.2:Blocked - see https://www.spamcop.net/bl.shtml?$', '127.0.0.2'].join('\n') },
    ],
  });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-browser-'));
  // Web and worker apart (README "Web and worker as separate processes"): "Check now" is queued by the web
  // process and run by the worker; no scheduled sweep falls inside the test (once a year).
  const env = {
    DATABASE_URL: `file:${path.join(dataDir, 'inboxwatch.db')}`,
    DNSBL_RESOLVER: rbl.server,
    DNSBL_TIMEOUT_MS: '500',
    DNSBL_CONFIRM_DELAY_MS: '100',
    DNSBL_SWEEP_CRON: '0 0 1 1 *',
  };
  app = await startApp({ env: { ...env, JOBS_ENABLED: 'false' } });
  worker = await startWorker({ env });
  const zones = (await (await fetch(`${app.url}/api/zones`)).json()) as { zone: string; enabled: boolean }[];
  for (const z of zones.filter((z) => z.enabled && z.zone !== 'zen.spamhaus.org' && z.zone !== 'bl.spamcop.net')) {
    await fetch(`${app.url}/api/zones/${z.zone}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await app?.stop();
  await rbl?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a user adds an IP, checks it now and reads its listings, then sees it on the overview', async () => {
  await page.goto(`${app.url}/assets`);
  await page.getByTestId('asset-value-input').fill('192.0.2.010');
  await page.getByTestId('asset-submit').click();
  await expect.poll(() => page.getByTestId('asset-form-error').textContent()).toMatch(/leading zero/);

  await page.getByTestId('asset-value-input').fill(LISTED_IP);
  await page.getByTestId('asset-label-input').fill('mx1');
  await page.getByTestId('asset-submit').click();
  const row = page.locator(`[data-testid="asset-row"][data-value="${LISTED_IP}"]`);
  await row.waitFor();
  await expect.poll(() => row.getByTestId('asset-status').getAttribute('data-status')).toBe('unchecked');

  await row.getByTestId('asset-link').click();
  await page.getByTestId('asset-header').waitFor();
  expect(await page.getByTestId('asset-value').textContent()).toContain(LISTED_IP);
  await page.getByTestId('check-now').click();
  await page.getByTestId('check-result').waitFor({ timeout: 30_000 });
  // The worker ran the check; the web process (JOBS_ENABLED=false) only queued it.
  expect(worker!.output()).toMatch(/"jobId":"dnsbl\.check".*"msg":"job run succeeded"/);
  expect(app.output()).not.toContain('"msg":"job run succeeded"');

  const zenRow = page.locator('[data-testid="listing-row"][data-zone="zen.spamhaus.org"]');
  await expect.poll(() => zenRow.getAttribute('data-verdict'), { timeout: 15_000 }).toBe('listed');
  expect(await zenRow.getByTestId('listing-codes').textContent()).toMatch(/127\.0\.0\.3.*CSS/s);
  expect(await zenRow.getByTestId('listing-txt').textContent()).toContain(`Snowshoe spam source ${LISTED_IP}`);
  expect(await zenRow.getByTestId('delist-link').getAttribute('href')).toBe('https://check.spamhaus.org/');
  const spamcopRow = page.locator('[data-testid="listing-row"][data-zone="bl.spamcop.net"]');
  expect(await spamcopRow.getAttribute('data-verdict')).toBe('not_listed');
  await expect.poll(() => page.getByTestId('asset-status').first().getAttribute('data-status')).toBe('listed');
  await page.getByTestId('listing-timeline').waitFor();
  await expect.poll(() => page.getByTestId('listing-timeline').getAttribute('data-points')).toBe('1');
  expect(await page.getByTestId('listing-timeline').locator('svg').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-testid="event-row"][data-kind="listed"]').getAttribute('data-zone')).toBe('zen.spamhaus.org');
  await page.screenshot({ path: path.join(SHOTS, 'asset-detail.png'), fullPage: true });

  await page.getByTestId('nav-overview').click();
  await expect.poll(() => page.getByTestId('overview-listed').getAttribute('data-value')).toBe('1');
  expect(await page.getByTestId('overview-assets').getAttribute('data-value')).toBe('1');
  expect(await page.getByTestId('overview-zones-enabled').getAttribute('data-value')).toBe('2');
  await expect.poll(() => page.getByTestId('resolver-status').getAttribute('data-status')).toBe('ok');
  expect(await page.locator('[data-testid="event-row"]').first().getAttribute('data-target')).toBe(LISTED_IP);
  await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
});
