import { expect, test } from 'vitest';
import { foundMessageUpdate } from '../../../lib/placement/found-message-update.ts';
import type { SeedSearch } from '../../../lib/placement/placement-deps.ts';

// Design §6: a Gmail copy in INBOX is "inbox" with its tab — Primary when X-GM-RAW `category:primary` matched,
// "tab unknown" when the server could not tell (no X-GM-EXT-1); Promotions and the other tabs are `tab`.
// Other providers have no tabs.

const sentAt = new Date('2026-11-29T15:00:00.000Z');
const polledAt = new Date('2026-11-29T15:00:10.000Z');
const verdicts = { spf: { result: 'pass' }, dkim: [{ result: 'pass' }], dmarc: { result: 'pass' }, authservId: 'mx.example.test', results: [] };

function update(provider: string, placement: 'inbox' | 'tab' | 'spam', tab?: string) {
  const found = { found: true, folder: 'INBOX', placement, ...(tab ? { tab } : {}), headers: '', receivedAt: new Date('2026-11-29T15:00:03.000Z') } as Extract<SeedSearch, { found: true }>;
  return foundMessageUpdate({ found, provider, verdicts, egressIp: '192.0.2.25', sentAt, polledAt });
}

test.each([
  ['gmail', 'inbox', undefined, 'inbox', 'unknown'],
  ['gmail', 'inbox', 'primary', 'inbox', 'primary'],
  ['gmail', 'tab', 'promotions', 'tab', 'promotions'],
  ['gmail', 'tab', undefined, 'tab', 'unknown'],
  ['gmail', 'spam', undefined, 'spam', null],
  ['outlook', 'inbox', undefined, 'inbox', null],
  ['other', 'inbox', undefined, 'inbox', null],
] as const)('%s copy found as %s (tab %s) is stored as %s with tab %s', (provider, placement, tab, stored, storedTab) => {
  const u = update(provider, placement, tab);
  expect(u.placement).toBe(stored);
  expect(u.tab).toBe(storedTab);
  expect(u.latencyMs).toBe(3000);
  expect([u.authSpf, u.authDkim, u.authDmarc]).toEqual(['pass', 'pass', 'pass']);
});
