import { test, expect } from 'vitest';
import packet from 'dns-packet';
import { encodeQuery } from '../../../lib/dnsbl/encode-query.ts';

test('the hand-written query encoder produces the same bytes as dns-packet', () => {
  for (const [name, type] of [
    ['2.0.0.127.zen.spamhaus.org', 'A'],
    ['xn--bcher-kva.example.dbl.spamhaus.org', 'TXT'],
    ['1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl6.test', 'A'],
  ] as const) {
    const ours = encodeQuery({ id: 0xbeef, name, type });
    const theirs = packet.encode({ id: 0xbeef, type: 'query', flags: packet.RECURSION_DESIRED, questions: [{ name, type }] });
    expect(ours.toString('hex')).toBe(theirs.toString('hex'));
    expect(packet.decode(ours).questions).toEqual([{ name, type, class: 'IN' }]);
  }
});

test('empty or over-long labels are refused', () => {
  expect(() => encodeQuery({ id: 1, name: 'a..b', type: 'A' })).toThrow('invalid DNS label');
  expect(() => encodeQuery({ id: 1, name: `${'x'.repeat(64)}.test`, type: 'A' })).toThrow('invalid DNS label');
});
