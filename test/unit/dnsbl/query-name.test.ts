import { expect, test } from 'vitest';
import { keyTypeOf, queryName } from '../../../lib/dnsbl/query-name.ts';
import { parseTarget } from '../../../lib/dnsbl/parse-target.ts';
import { findCatalogZone, zoneAppliesTo } from '../../../lib/dnsbl/zone-catalog.ts';

const labels = (name: string, zone: string) => name.slice(0, -(zone.length + 1)).split('.');

test('IPv4: the four octets reversed in front of the zone (RFC 5782 §2.1)', () => {
  expect(queryName({ target: '192.0.2.99', keyType: 'ip4', zone: 'bl.example' })).toBe('99.2.0.192.bl.example');
  expect(queryName({ target: '127.0.0.2', keyType: 'ip4', zone: 'zen.spamhaus.org' })).toBe('2.0.0.127.zen.spamhaus.org');
});

test('the zone is lower-cased and its trailing dot removed', () => {
  expect(queryName({ target: '192.0.2.10', keyType: 'ip4', zone: 'ZEN.Spamhaus.ORG.' })).toBe('10.2.0.192.zen.spamhaus.org');
});

test('BL-10: IPv6 names are 32 reversed nibbles of the fully expanded address', () => {
  const zone = 'bl.example';
  const short = queryName({ target: '2001:db8::1', keyType: 'ip6', zone });
  expect(short).toBe(`1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.${zone}`);
  const full = queryName({ target: '2001:db8:1:2:3:4:567:89ab', keyType: 'ip6', zone });
  expect(full).toBe(`b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.${zone}`);
  for (const target of ['2001:db8::1', '2001:DB8:1:2:3:4:567:89AB', '::', '::1', 'fe80::', '2001:db8:5::25']) {
    const name = queryName({ target, keyType: 'ip6', zone });
    const nibbles = labels(name, zone);
    expect(nibbles).toHaveLength(32);
    expect(nibbles.every((label) => /^[0-9a-f]$/.test(label))).toBe(true);
    expect(name).not.toContain('..');
    expect(name.endsWith('.')).toBe(false);
  }
});

test('the IPv6 test point ::ffff:7f00:2 is nibble-encoded, never normalised to IPv4 (RFC 5782 §2.4, §5)', () => {
  expect(queryName({ target: '::ffff:7f00:2', keyType: 'ip6', zone: 'bl.example' })).toBe(
    '2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.example',
  );
  expect(queryName({ target: '::ffff:127.0.0.2', keyType: 'ip6', zone: 'bl.example' })).toBe(
    '2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.example',
  );
});

test('BL-11: the IPv6 test point ::2 names 2 then 31 zeros, and an IPv4-only zone does not apply to IPv6', () => {
  const name = queryName({ target: '::2', keyType: 'ip6', zone: 'list.dnswl.org' });
  expect(name).toBe(`2.${'0.'.repeat(31)}list.dnswl.org`);
  const dnswl = findCatalogZone('list.dnswl.org');
  const zen = findCatalogZone('zen.spamhaus.org');
  expect(dnswl && zoneAppliesTo(dnswl, 'ip6')).toBe(true);
  expect(zen && zoneAppliesTo(zen, 'ip6')).toBe(false);
  expect(zen && zoneAppliesTo(zen, 'ip4')).toBe(true);
  expect(zen && zoneAppliesTo(zen, 'domain')).toBe(false);
});

test('BL-12: a mapped address typed by a user gets the IPv4 name, not the nibble name', () => {
  for (const input of ['::ffff:192.0.2.10', '::192.0.2.10']) {
    const target = parseTarget(input);
    expect(keyTypeOf(target.value)).toBe('ip4');
    expect(queryName({ target: target.value, keyType: keyTypeOf(target.value), zone: 'zen.spamhaus.org' })).toBe(
      '10.2.0.192.zen.spamhaus.org',
    );
  }
});

test('BL-14: IDN domains are punycoded, lower-cased and put in front of the zone as-is (RFC 5782 §3)', () => {
  expect(queryName({ target: 'hę.pl', keyType: 'domain', zone: 'multi.uribl.com' })).toBe('xn--h-1ia.pl.multi.uribl.com');
  expect(queryName({ target: 'bücher.example', keyType: 'domain', zone: 'dbl.spamhaus.org' })).toBe(
    'xn--bcher-kva.example.dbl.spamhaus.org',
  );
  expect(queryName({ target: 'Mail.Example.COM.', keyType: 'domain', zone: 'dbl.spamhaus.org' })).toBe(
    'mail.example.com.dbl.spamhaus.org',
  );
  expect(queryName({ target: 'test', keyType: 'domain', zone: 'dbl.example' })).toBe('test.dbl.example');
  expect(queryName({ target: '_DNSBL_.test', keyType: 'domain', zone: 'uribl.spameatingmonkey.net' })).toBe(
    '_dnsbl_.test.uribl.spameatingmonkey.net',
  );
});

test('keyTypeOf reads the key type of canonical targets and test points', () => {
  expect(keyTypeOf('192.0.2.1')).toBe('ip4');
  expect(keyTypeOf('2001:db8::1')).toBe('ip6');
  expect(keyTypeOf('::ffff:7f00:2')).toBe('ip6');
  expect(keyTypeOf('xn--h-1ia.pl')).toBe('domain');
  expect(keyTypeOf('test')).toBe('domain');
});

test('a target that does not match the key type is refused, never sent as another kind (BL-10 ModSecurity)', () => {
  expect(() => queryName({ target: '::1', keyType: 'ip4', zone: 'xbl.spamhaus.org' })).toThrow(/not an IPv4 address/);
  expect(() => queryName({ target: '192.0.2.010', keyType: 'ip4', zone: 'bl.example' })).toThrow(/leading zero/);
  expect(() => queryName({ target: '192.0.2.1', keyType: 'ip6', zone: 'bl.example' })).toThrow(/IPv6/);
  expect(() => queryName({ target: '2001:db8:::1', keyType: 'ip6', zone: 'bl.example' })).toThrow(/IPv6/);
  expect(() => queryName({ target: '192.0.2.1', keyType: 'domain', zone: 'dbl.spamhaus.org' })).toThrow(/not a domain/);
  expect(() => queryName({ target: '::1', keyType: 'domain', zone: 'dbl.spamhaus.org' })).toThrow(/not a domain/);
  expect(() => queryName({ target: 'a..b', keyType: 'domain', zone: 'dbl.spamhaus.org' })).toThrow(/not a domain/);
  const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example`;
  expect(() => queryName({ target: long, keyType: 'domain', zone: 'dbl.spamhaus.org' })).toThrow(/longer than 253/);
});
