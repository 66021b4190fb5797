import type { ZoneDefinition } from '../../../lib/dnsbl/types.ts';

const base = {
  description: 'Test zone served on loopback by the test itself.',
  errorCodes: [{ code: '127.255.255.252-127.255.255.255', meaning: 'Query blocked: operator error answer' }],
  status: 'active' as const,
  enabledByDefault: true,
  weight: 1,
  sources: ['test'],
};

/** An IPv4/IPv6 blocklist with two listing codes. */
export const BL: ZoneDefinition = {
  ...base,
  zone: 'bl.test',
  name: 'Test BL',
  operator: 'Test Operator',
  keyTypes: ['ip4', 'ip6'],
  polarity: 'block',
  returnCodes: [
    { code: '127.0.0.2', meaning: 'Direct spam source', severity: 'high' },
    { code: '127.0.0.3', meaning: 'Spam source network', severity: 'medium' },
  ],
  testPoints: { ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' }, ip6: { listed: '::ffff:7f00:2', unlisted: '::ffff:7f00:1' } },
  delistUrl: 'https://bl.test/delist',
};

/** A domain blocklist (RHSBL). */
export const DBL: ZoneDefinition = {
  ...base,
  zone: 'dbl.test',
  name: 'Test DBL',
  operator: 'Test Operator',
  keyTypes: ['domain'],
  polarity: 'block',
  returnCodes: [{ code: '127.0.1.2', meaning: 'Spam domain', severity: 'high' }],
  testPoints: { domain: { listed: 'test', unlisted: 'invalid' } },
  delistUrl: 'https://dbl.test/remove',
};

/** An IPv4 allow list (DNSWL-like): a listing there is good news. */
export const WL: ZoneDefinition = {
  ...base,
  zone: 'wl.test',
  name: 'Test WL',
  operator: 'Allow Operator',
  keyTypes: ['ip4'],
  polarity: 'allow',
  returnCodes: [{ code: '127.0.10.0-127.0.10.3', meaning: 'Trusted sender', severity: 'info' }],
  testPoints: { ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' } },
};

/** A retired zone (BL-07) that can never be enabled. */
export const RETIRED: ZoneDefinition = {
  ...base,
  zone: 'dnsbl.retired.test',
  name: 'Retired BL',
  operator: 'Gone Operator',
  keyTypes: ['ip4'],
  polarity: 'block',
  returnCodes: [{ code: '127.0.0.2', meaning: 'Listed', severity: 'high' }],
  testPoints: {},
  status: 'retired',
  statusSince: '2024-06-05',
  statusNote: 'Shut down by its operator.',
  enabledByDefault: false,
};

export const TEST_CATALOG: ZoneDefinition[] = [BL, DBL, WL, RETIRED];
