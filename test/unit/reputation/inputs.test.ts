import { expect, test } from 'vitest';
import { loadCatalog } from '../../../lib/dnsbl/zone-catalog.ts';
import { groupListings, mergeListings } from '../../../lib/reputation/group-listings.ts';
import type { ZoneInfo } from '../../../lib/reputation/group-listings.ts';
import { listingSeverity } from '../../../lib/reputation/listing-severity.ts';
import { tallyResults } from '../../../lib/reputation/tally-results.ts';
import type { ResultRow } from '../../../lib/reputation/tally-results.ts';

const catalog = new Map(loadCatalog().map((z) => [z.zone, z]));
const zone = (name: string) => {
  const definition = catalog.get(name);
  if (!definition) throw new Error(`no catalog zone ${name}`);
  return definition;
};

test('listing severity is the worst catalog severity of the codes (bitmask zones per bit)', () => {
  expect(listingSeverity({ definition: zone('zen.spamhaus.org'), codes: ['127.0.0.2'] })).toBe('critical');
  expect(listingSeverity({ definition: zone('zen.spamhaus.org'), codes: ['127.0.0.10'] })).toBe('medium');
  expect(listingSeverity({ definition: zone('zen.spamhaus.org'), codes: ['127.0.0.4', '127.0.0.10'] })).toBe('high');
  // multi.surbl.org: bit 8 (phishing) critical, bit 4 low.
  expect(listingSeverity({ definition: zone('multi.surbl.org'), codes: ['127.0.0.4'] })).toBe('low');
  expect(listingSeverity({ definition: zone('multi.surbl.org'), codes: ['127.0.0.12'] })).toBe('critical');
  // A code the zone does not define (definition changed since): counted as medium.
  expect(listingSeverity({ definition: zone('bl.spamcop.net'), codes: ['127.0.0.77'] })).toBe('medium');
});

test('a range counts each zone once with its worst address, and says how many addresses are listed', () => {
  const zones = new Map<string, ZoneInfo>([
    ['zen.spamhaus.org', { definition: zone('zen.spamhaus.org'), weight: 10 }],
    ['bl.spamcop.net', { definition: zone('bl.spamcop.net'), weight: 7 }],
  ]);
  const g = groupListings({
    assetValue: '198.51.100.0/24',
    listings: [
      { zone: 'zen.spamhaus.org', codes: '["127.0.0.10"]' },
      { zone: 'zen.spamhaus.org', codes: '["127.0.0.2"]' },
      { zone: 'zen.spamhaus.org', codes: '["127.0.0.11"]' },
      { zone: 'dnsbl-3.uceprotect.net', codes: '["127.0.0.2"]' },
    ],
    checks: [
      { zone: 'zen.spamhaus.org', listed: 3, notListed: 253 },
      { zone: 'bl.spamcop.net', listed: 0, notListed: 256 },
      { zone: 'dnsbl-3.uceprotect.net', listed: 1, notListed: 255 },
    ],
    zones,
  });
  // uceprotect-3 is not an enabled zone: neither its listing nor its check counts.
  expect(g?.zonesChecked).toBe(2);
  expect(g?.listings).toEqual([
    { target: '198.51.100.0/24', zone: 'zen.spamhaus.org', zoneName: 'Spamhaus ZEN', polarity: 'block', severity: 'critical', zoneWeight: 10, codes: ['127.0.0.2'], listedTargets: 3 },
  ]);
  expect(groupListings({ assetValue: '192.0.2.1', listings: [], checks: [{ zone: 'bl.spamcop.net', listed: 0, notListed: 0 }], zones })).toBeNull();
  // A server behind two assets checked on the same zone: the zone is counted once.
  const one = groupListings({ assetValue: '192.0.2.1', listings: [], checks: [{ zone: 'bl.spamcop.net', listed: 0, notListed: 1 }], zones });
  expect(mergeListings([one, g, null])).toMatchObject({ zonesChecked: 2, listings: [{ zone: 'zen.spamhaus.org' }] });
  expect(mergeListings([null])).toBeNull();
});

test('tally: decided placements of accepted seeds, only "pass" passes, config errors and quota replies are not sends', () => {
  const row = (p: Partial<ResultRow>): ResultRow => ({ smtpOutcome: 'accepted', smtpCategory: null, placement: 'inbox', authSpf: null, authDkim: null, authDmarc: null, ...p });
  const t = tallyResults({
    results: [
      row({ placement: 'inbox', authSpf: 'pass', authDkim: 'pass', authDmarc: 'pass' }),
      row({ placement: 'tab', authSpf: 'softfail', authDkim: 'pass', authDmarc: 'bestguesspass' }),
      row({ placement: 'other_folder', authSpf: 'PASS', authDkim: 'none', authDmarc: 'none' }),
      row({ placement: 'missing' }),
      row({ placement: 'error' }),
      row({ placement: 'pending' }),
      row({ smtpOutcome: 'deferred', smtpCategory: 'greylisted', placement: 'error' }),
      row({ smtpOutcome: 'throttled', smtpCategory: 'rate_limited', placement: 'error' }),
      row({ smtpOutcome: 'throttled', smtpCategory: 'quota_exhausted', placement: 'error' }),
      row({ smtpOutcome: 'rejected', smtpCategory: 'policy_block', placement: 'error' }),
      row({ smtpOutcome: 'config_error', smtpCategory: 'auth', placement: 'error' }),
      row({ smtpOutcome: 'error', placement: 'error' }),
    ],
  });
  expect(t.placement).toEqual({ inbox: 1, tab: 1, spam: 0, otherFolder: 1, missing: 1 });
  expect(t.auth).toEqual({ spf: { pass: 2, total: 3 }, dkim: { pass: 2, total: 3 }, dmarc: { pass: 1, total: 3 } });
  expect(t.smtp).toEqual({ accepted: 6, deferred: 1, throttled: 1, rejected: 1 });
});
