import { test, expect } from 'vitest';
import { selectZones } from '../../../lib/dnsbl/select-zones.ts';
import { loadCatalog } from '../../../lib/dnsbl/zone-catalog.ts';

const catalog = loadCatalog();

test('without names: the active zones enabled by default, never retired, wildcard, keyed or registration ones', () => {
  const zones = selectZones({ catalog });
  expect(zones.length).toBe(catalog.filter((z) => z.status === 'active' && z.enabledByDefault).length);
  expect(zones.every((z) => z.status === 'active')).toBe(true);
  expect(zones.map((z) => z.zone)).toContain('zen.spamhaus.org');
});

test('names pick exactly those zones, case-insensitive, trailing dot ignored, no duplicates', () => {
  const zones = selectZones({ catalog, names: ['ZEN.spamhaus.org.', 'dbl.spamhaus.org', 'zen.spamhaus.org'] });
  expect(zones.map((z) => z.zone)).toEqual(['zen.spamhaus.org', 'dbl.spamhaus.org']);
});

test('an unknown name is refused with close matches', () => {
  expect(() => selectZones({ catalog, names: ['zen.spamhuas.org'] })).toThrow(/Unknown zone "zen\.spamhuas\.org"\. Did you mean: zen\.spamhaus\.org/);
  expect(() => selectZones({ catalog, names: ['zzzz.invalid'] })).toThrow('See the zone catalog for the names.');
});

test('retired and wildcard zones are refused with the reason (BL-06, BL-07)', () => {
  const retired = catalog.find((z) => z.status === 'retired');
  const wildcard = catalog.find((z) => z.status === 'wildcard');
  expect(() => selectZones({ catalog, names: [retired!.zone] })).toThrow(`Zone ${retired!.zone} is retired and no longer answers`);
  expect(() => selectZones({ catalog, names: [wildcard!.zone] })).toThrow('answers "listed" for every name (wildcard)');
});
