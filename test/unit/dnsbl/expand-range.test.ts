import { expect, test } from 'vitest';
import { parseTarget } from '../../../lib/dnsbl/parse-target.ts';
import { targetAddresses, targetCount } from '../../../lib/dnsbl/expand-range.ts';

test('a range yields every address, network and broadcast included', () => {
  const target = parseTarget('192.0.2.252/30');
  expect([...targetAddresses(target)]).toEqual(['192.0.2.252', '192.0.2.253', '192.0.2.254', '192.0.2.255']);
  expect(targetCount(target)).toBe(4);
});

test('a /16 yields 65,536 addresses from the network to the broadcast address, crossing octets', () => {
  const target = parseTarget('10.20.0.0/16');
  const all = [...targetAddresses(target)];
  expect(all).toHaveLength(65536);
  expect(targetCount(target)).toBe(65536);
  expect(all[0]).toBe('10.20.0.0');
  expect(all[255]).toBe('10.20.0.255');
  expect(all[256]).toBe('10.20.1.0');
  expect(all[65535]).toBe('10.20.255.255');
  expect(new Set(all).size).toBe(65536);
});

test('the range generator is lazy and restartable', () => {
  const addresses = targetAddresses(parseTarget('198.51.100.0/24'));
  const first = addresses[Symbol.iterator]().next();
  expect(first.value).toBe('198.51.100.0');
  expect([...addresses]).toHaveLength(256);
});

test('an IP or domain target stands for itself', () => {
  expect([...targetAddresses(parseTarget('192.0.2.1'))]).toEqual(['192.0.2.1']);
  expect([...targetAddresses(parseTarget('2001:db8::25'))]).toEqual(['2001:db8::25']);
  expect([...targetAddresses(parseTarget('hę.pl'))]).toEqual(['xn--h-1ia.pl']);
  expect(targetCount(parseTarget('example.com'))).toBe(1);
});
