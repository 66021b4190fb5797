import { expect, test } from 'vitest';
import { checkZoneHealth } from '../../../lib/dnsbl/check-zone-health.ts';
import { findCatalogZone } from '../../../lib/dnsbl/zone-catalog.ts';
import type { DnsOutcome, ZoneDefinition } from '../../../lib/dnsbl/types.ts';

function zone(name: string): ZoneDefinition {
  const z = findCatalogZone(name);
  if (!z) throw new Error(`${name} is not in the catalog`);
  return z;
}

const answers = (map: Record<string, DnsOutcome>) => async (name: string) => map[name] ?? { kind: 'nxdomain' as const };

test('a test entry answering a 127/8 code outside the listing table still proves the zone answers (SpamRATS)', async () => {
  const spamrats = zone('all.spamrats.com');
  expect(spamrats.returnCodes.some((c) => c.code === '127.0.0.2')).toBe(false);
  const h = await checkZoneHealth({
    zone: spamrats,
    keyType: 'ip4',
    lookup: answers({ '2.0.0.127.all.spamrats.com': { kind: 'answer', addresses: ['127.0.0.2'] } }),
  });
  expect(h).toMatchObject({ healthy: true, queries: 2 });
});

test('a test entry answering an operator error code fails the zone with the meaning (BL-01 at the test point)', async () => {
  const h = await checkZoneHealth({
    zone: zone('zen.spamhaus.org'),
    keyType: 'ip4',
    lookup: answers({ '2.0.0.127.zen.spamhaus.org': { kind: 'answer', addresses: ['127.255.255.254'] } }),
  });
  expect(h.healthy).toBe(false);
  expect(h.positiveFailed).toBe(true);
  expect(h.reason).toMatch(/positive test point 127\.0\.0\.2 not listed \(answered error code 127\.255\.255\.254: .*public or open resolver/);
});

test('a test entry answering NXDOMAIN (a public resolver path, BL-08) fails the zone', async () => {
  const h = await checkZoneHealth({ zone: zone('zen.spamhaus.org'), keyType: 'ip4', lookup: answers({}) });
  expect(h).toMatchObject({ healthy: false, positiveFailed: true, reason: 'positive test point 127.0.0.2 not listed (NXDOMAIN)' });
});

test('test points that time out or are REFUSED mark the zone noAnswer; an NXDOMAIN answer does not', async () => {
  const silent = await checkZoneHealth({ zone: zone('zen.spamhaus.org'), keyType: 'ip4', lookup: async () => ({ kind: 'timeout' }) });
  expect(silent).toMatchObject({ healthy: false, noAnswer: true, positiveFailed: true });
  const refused = await checkZoneHealth({ zone: zone('zen.spamhaus.org'), keyType: 'ip4', lookup: async () => ({ kind: 'refused' }) });
  expect(refused.noAnswer).toBe(true);
  const answered = await checkZoneHealth({ zone: zone('zen.spamhaus.org'), keyType: 'ip4', lookup: answers({}) });
  expect(answered).toMatchObject({ healthy: false, positiveFailed: true });
  expect(answered.noAnswer).toBeUndefined();
});
