import type { KeyType, ZoneDefinition } from '../../../lib/dnsbl/types.ts';

/**
 * A generic zone definition for `.test` zones served locally: listing codes 127.0.0.2–127.0.0.11 (ip) or
 * 127.0.1.2–127.0.1.6 (domain), the Spamhaus-style error codes 127.255.255.252–255, RFC 5782 test points.
 */
export function testZone(zone: string, keyTypes: KeyType[], overrides: Partial<ZoneDefinition> = {}): ZoneDefinition {
  const domain = keyTypes.includes('domain');
  return {
    zone,
    name: zone,
    operator: 'test',
    description: `local test zone ${zone}`,
    keyTypes,
    polarity: 'block',
    returnCodes: domain
      ? [{ code: '127.0.1.2-127.0.1.6', meaning: 'Test domain listing', severity: 'high' }]
      : [
          { code: '127.0.0.2', meaning: 'Test listing: spam source', severity: 'high' },
          { code: '127.0.0.3', meaning: 'Test listing: snowshoe range', severity: 'medium' },
          { code: '127.0.0.4-127.0.0.11', meaning: 'Test listing: other', severity: 'low' },
        ],
    errorCodes: [
      { code: '127.255.255.252', meaning: 'Query blocked: typing error in the zone name' },
      { code: '127.255.255.254', meaning: 'Query blocked: open resolver' },
      { code: '127.255.255.255', meaning: 'Query blocked: too many queries' },
    ],
    testPoints: {
      ...(keyTypes.includes('ip4') ? { ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' } } : {}),
      ...(keyTypes.includes('ip6') ? { ip6: { listed: '::ffff:7f00:2', unlisted: '::ffff:7f00:1' } } : {}),
      ...(domain ? { domain: { listed: 'test', unlisted: 'invalid' } } : {}),
    },
    status: 'active',
    enabledByDefault: true,
    weight: 5,
    sources: [],
    ...overrides,
  };
}
