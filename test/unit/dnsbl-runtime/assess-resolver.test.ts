import { test, expect } from 'vitest';
import { assessResolver } from '../../../lib/dnsbl/assess-resolver.ts';
import { resolverServers } from '../../../lib/dnsbl/resolver-servers.ts';
import type { ZoneHealth } from '../../../lib/dnsbl/types.ts';

const at = new Date('2026-01-01T00:00:00Z');
const ok = (zone: string): ZoneHealth => ({ zone, healthy: true, checkedAt: at });
const noPositive = (zone: string): ZoneHealth => ({ zone, healthy: false, positiveFailed: true, reason: 'positive test point 127.0.0.2 not listed (NXDOMAIN)', checkedAt: at });

test('BL-08: most zones failing their positive test at once → resolver blocked', () => {
  const r = assessResolver({ zoneHealth: [noPositive('a.test'), noPositive('b.test'), noPositive('c.test'), ok('d.test')], servers: ['127.0.0.1:53'] });
  expect(r.status).toBe('blocked');
  expect(r.reason).toBe('3 of 4 zones failed their positive test point at once');
  expect(r.isPublic).toBe(false);
});

test('two failing zones are the zones’ problem, not the resolver’s (at least 3 needed)', () => {
  expect(assessResolver({ zoneHealth: [noPositive('a.test'), noPositive('b.test')], servers: ['127.0.0.1:53'] }).status).toBe('ok');
});

test('exactly half failing is not "most"', () => {
  const zoneHealth = [noPositive('a'), noPositive('b'), noPositive('c'), ok('d'), ok('e'), ok('f')];
  expect(assessResolver({ zoneHealth, servers: ['127.0.0.1:53'] }).status).toBe('ok');
});

test('BL-08: any answer outside 127/8 → rewriting, even from one zone', () => {
  const rewriting: ZoneHealth = { zone: 'bl.test', healthy: false, outsideLoopback: true, positiveFailed: true, checkedAt: at };
  const r = assessResolver({ zoneHealth: [rewriting, ok('x'), ok('y')], servers: ['127.0.0.1:53'] });
  expect(r.status).toBe('rewriting');
  expect(r.reason).toBe('answers outside 127.0.0.0/8 for the test points of bl.test');
});

test('well-known public resolvers are flagged, v4 and v6, with or without port', () => {
  for (const s of ['8.8.8.8', '1.1.1.1:53', '9.9.9.9', '208.67.222.222', '94.140.14.14', '[2606:4700:4700::1111]:53', '2001:4860:4860::8888', '2620:fe::fe']) {
    expect(assessResolver({ zoneHealth: [], servers: resolverServers(s) }).isPublic, s).toBe(true);
  }
  for (const s of ['127.0.0.1:53', '10.0.0.53', '[::1]:53', '192.0.2.53']) {
    expect(assessResolver({ zoneHealth: [], servers: resolverServers(s) }).isPublic, s).toBe(false);
  }
});

test('resolverServers parses DNSBL_RESOLVER syntax and refuses names', () => {
  expect(resolverServers('127.0.0.1:5300, [::1]:5353,192.0.2.53,2001:db8::53')).toEqual([
    '127.0.0.1:5300',
    '[::1]:5353',
    '192.0.2.53:53',
    '[2001:db8::53]:53',
  ]);
  expect(() => resolverServers('dns.example:53')).toThrow('must be an IP address');
  expect(() => resolverServers('127.0.0.1:70000')).toThrow('invalid port');
  expect(resolverServers().length).toBeGreaterThan(0);
});

test('every zone without any answer (timeouts, REFUSED) → the resolver is unreachable, naming it', () => {
  const silent = (zone: string): ZoneHealth => ({ zone, healthy: false, positiveFailed: true, noAnswer: true, reason: 'positive test point 127.0.0.2 not listed (timeout)', checkedAt: at });
  const r = assessResolver({ zoneHealth: [silent('a.test'), silent('b.test'), silent('c.test'), silent('d.test')], servers: ['127.0.0.1:5999'] });
  expect(r.status).toBe('unreachable');
  expect(r.reason).toBe('resolver 127.0.0.1:5999 is not answering: every test point query of 4 zones timed out or was refused');
  // One zone answering means the resolver works: that is "blocked" at worst, not "unreachable".
  const mixed = assessResolver({ zoneHealth: [silent('a.test'), silent('b.test'), silent('c.test'), noPositive('d.test')], servers: ['127.0.0.1:53'] });
  expect(mixed.status).toBe('blocked');
});
