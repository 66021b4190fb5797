import { test, expect, beforeAll, afterAll } from 'vitest';
import { startRbldnsd } from '../../helpers/rbldnsd.ts';
import type { Rbldnsd } from '../../helpers/rbldnsd.ts';
import { createDnsClient } from '../../../lib/dnsbl/dns-client.ts';
import type { DnsClient } from '../../../lib/dnsbl/dns-client.ts';
import { runSweep } from '../../../lib/dnsbl/run-sweep.ts';
import type { SweepResult, SweepTarget } from '../../../lib/dnsbl/run-sweep.ts';
import { checkTargets } from '../../../lib/dnsbl/check-targets.ts';
import { parseTarget } from '../../../lib/dnsbl/parse-target.ts';
import { targetAddresses } from '../../../lib/dnsbl/expand-range.ts';
import { keyTypeOf } from '../../../lib/dnsbl/query-name.ts';
import { findCatalogZone, loadCatalog } from '../../../lib/dnsbl/zone-catalog.ts';
import type { ZoneDefinition } from '../../../lib/dnsbl/types.ts';
import { testZone } from './test-zones.ts';
import { ZEN_DATA, DBL_DATA } from './rbldnsd-data.ts';

let rbl: Rbldnsd;

beforeAll(async () => {
  rbl = await startRbldnsd({
    zones: [
      { zone: 'zen.spamhaus.org', type: 'ip4set', data: ZEN_DATA },
      { zone: 'dbl.spamhaus.org', type: 'dnset', data: DBL_DATA },
      // longest prefix wins: .128/25 → 127.0.0.2, .192/26 → 127.0.0.3, .255 excluded
      { zone: 'trie.test', type: 'ip4trie', data: ':127.0.0.2:trie $\n127.0.0.2/32\n192.0.2.128/25\n192.0.2.192/26 :127.0.0.3:more specific $\n!192.0.2.255/32\n' },
      { zone: 'bl6.test', type: 'ip6trie', data: ':127.0.0.2:IPv6 listed: $\n::ffff:7f00:2\n2001:db8::/64\n!2001:db8::dead\n2001:db8:1::1 :127.0.0.3:single $\n' },
      { zone: 'missing.test', type: 'ip4set', data: '192.0.2.0/24\n' },
      { zone: 'missing2.test', type: 'ip4set', data: '192.0.2.1\n' },
      { zone: 'missing3.test', type: 'ip4set', data: '192.0.2.1\n' },
      { zone: 'everything.test', type: 'acl', data: '0/0 :127.0.0.2:Everything is listed\n' },
      { zone: 'everything.test', type: 'ip4set', data: '127.0.0.2\n' },
      { zone: 'blocked.test', type: 'ip4set', data: ':127.255.255.254:Error: open resolver $\n127.0.0.0/24\n192.0.2.0/24\n' },
      { zone: 'rewrite.test', type: 'ip4trie', data: ':203.0.113.80:\n0.0.0.0/0\n' },
      { zone: 'odd.test', type: 'ip4set', data: '127.0.0.2\n192.0.2.77 :203.0.113.80:\n' },
    ],
  });
});
afterAll(async () => {
  await rbl?.stop();
});

const zen = findCatalogZone('zen.spamhaus.org') as ZoneDefinition;
const dbl = findCatalogZone('dbl.spamhaus.org') as ZoneDefinition;

/** A client that records every name it was asked. */
function recording(inner: DnsClient): DnsClient & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    servers: inner.servers,
    resolveA: (name, opts) => (names.push(name), inner.resolveA(name, opts)),
    resolveTxt: (name, opts) => (names.push(`TXT ${name}`), inner.resolveTxt(name, opts)),
    close: () => inner.close(),
  };
}

function range(cidr: string): SweepTarget[] {
  return [...targetAddresses(parseTarget(cidr))].map((value) => ({ value, keyType: keyTypeOf(value) }));
}

async function sweep(zones: ZoneDefinition[], targets: SweepTarget[], extra: Partial<Parameters<typeof runSweep>[0]> = {}) {
  const client = recording(createDnsClient({ servers: [rbl.server], timeoutMs: 1000 }));
  const results: SweepResult[] = [];
  try {
    const summary = await runSweep({ targets, zones, client, confirmDelayMs: 0, onResult: (r) => void results.push(r), ...extra });
    return { summary, results, names: client.names };
  } finally {
    await client.close();
  }
}

test('a /24 against seven zones in rbldnsd formats: exact listings, codes, meanings, TXT, health', async () => {
  const zones = [
    zen,
    testZone('trie.test', ['ip4']),
    testZone('missing.test', ['ip4']),
    testZone('everything.test', ['ip4']),
    testZone('blocked.test', ['ip4']),
    testZone('rewrite.test', ['ip4']),
    testZone('odd.test', ['ip4']),
  ];
  const { summary, results, names } = await sweep(zones, range('192.0.2.0/24'));
  expect(results.length).toBe(256 * 7);
  const on = (zone: string) => results.filter((r) => r.zone === zone);

  // zen.spamhaus.org (ip4set): .1 SBL, .4 XBL, .5 SBL+PBL, .16/28 CSS without .20, .200 error code, .201 undefined code
  const zenListed = Object.fromEntries(on('zen.spamhaus.org').filter((r) => r.verdict === 'listed').map((r) => [r.target, r.codes]));
  const css = Array.from({ length: 16 }, (_, i) => `192.0.2.${16 + i}`).filter((a) => a !== '192.0.2.20');
  expect(zenListed).toEqual({
    '192.0.2.1': ['127.0.0.2'],
    '192.0.2.4': ['127.0.0.4'],
    '192.0.2.5': ['127.0.0.2', '127.0.0.10'],
    ...Object.fromEntries(css.map((a) => [a, ['127.0.0.3']])),
  });
  const xbl = on('zen.spamhaus.org').find((r) => r.target === '192.0.2.4');
  expect(xbl).toMatchObject({ confirmed: true, txt: 'XBL exploited host 192.0.2.4' });
  expect(xbl?.meanings).toEqual(['Spamhaus XBL (CBL data): exploited or infected host (bot, proxy, malware)']);
  const blocked = on('zen.spamhaus.org').find((r) => r.target === '192.0.2.200');
  expect(blocked).toMatchObject({ verdict: 'error', reason: 'query_blocked', codes: ['127.255.255.254'], txt: 'Error: open resolver; https://check.spamhaus.org/returnc/pub/192.0.2.200' });
  expect(blocked?.meanings[0]).toContain('public or open resolver');
  expect(on('zen.spamhaus.org').find((r) => r.target === '192.0.2.201')).toMatchObject({ verdict: 'error', reason: 'invalid_answer', codes: ['127.0.0.99'] });
  expect(on('zen.spamhaus.org').filter((r) => r.verdict === 'not_listed').length).toBe(256 - 18 - 2);

  // trie.test (ip4trie): longest prefix match and exclusion
  const trie = on('trie.test');
  const lastOctet = (a: string) => Number(a.split('.')[3]);
  expect(trie.filter((r) => r.codes[0] === '127.0.0.2').map((r) => r.target).sort((a, b) => lastOctet(a) - lastOctet(b))).toEqual(
    Array.from({ length: 64 }, (_, i) => `192.0.2.${128 + i}`),
  );
  expect(trie.filter((r) => r.codes[0] === '127.0.0.3').length).toBe(63);
  expect(trie.find((r) => r.target === '192.0.2.255')?.verdict).toBe('not_listed');
  expect(trie.find((r) => r.target === '192.0.2.200')?.txt).toBe('more specific 192.0.2.200');

  // unhealthy zones: every result is zone_unhealthy with the reason, and no target was queried
  const health = Object.fromEntries(summary.zoneHealth.map((h) => [h.zone, h]));
  expect(health['zen.spamhaus.org'].healthy).toBe(true);
  expect(health['trie.test'].healthy).toBe(true);
  expect(health['missing.test'].reason).toBe('positive test point 127.0.0.2 not listed (NXDOMAIN)');
  expect(health['everything.test'].reason).toBe('negative test point 127.0.0.1 listed (127.0.0.2): the zone answers every name (wildcard)');
  expect(health['blocked.test'].reason).toBe(
    'positive test point 127.0.0.2 not listed (answered error code 127.255.255.254: Query blocked: open resolver); ' +
      'negative test point 127.0.0.1 answered error code 127.255.255.254: Query blocked: open resolver',
  );
  expect(health['rewrite.test']).toMatchObject({ healthy: false, outsideLoopback: true, positiveFailed: true });
  for (const zone of ['missing.test', 'everything.test', 'blocked.test', 'rewrite.test']) {
    const rs = on(zone);
    expect(rs.every((r) => r.verdict === 'error' && r.reason === 'zone_unhealthy' && r.detail === health[zone].reason), zone).toBe(true);
    expect(names.filter((n) => n.endsWith(`.${zone}`)).sort(), zone).toEqual([`1.0.0.127.${zone}`, `2.0.0.127.${zone}`]);
  }

  // a healthy zone answering outside 127/8 for one target: invalid_answer, never listed
  expect(on('odd.test').find((r) => r.target === '192.0.2.77')).toMatchObject({ verdict: 'error', reason: 'invalid_answer', codes: ['203.0.113.80'] });
  expect(on('odd.test').filter((r) => r.verdict === 'not_listed').length).toBe(255);

  expect(summary.resolver).toMatchObject({ status: 'rewriting', isPublic: false, servers: [rbl.server] });
  expect(summary.counts).toEqual({ listed: 18 + 127, notListed: 236 + 129 + 255, errors: 2 + 4 * 256 + 1, notApplicable: 0 });
});

test('most zones failing their positive test point at once: the resolver is blocked', async () => {
  const zones = ['missing.test', 'missing2.test', 'missing3.test'].map((z) => testZone(z, ['ip4']));
  const { summary } = await sweep([zen, ...zones], range('192.0.2.0/30'));
  expect(summary.resolver.status).toBe('blocked');
  expect(summary.resolver.reason).toBe('3 of 4 zones failed their positive test point at once');
});

test('IPv6 (ip6trie) and IDN domains (dnset) through checkTargets; each zone gets only its key type', async () => {
  const catalog = [...loadCatalog(), testZone('bl6.test', ['ip6'])];
  const results = await checkTargets({
    inputs: ['2001:db8::abcd', '2001:db8::dead', '2001:db8:1::1', '2001:db8:2::1', 'bad.example', 'x.spammy.example', 'BÜCHER.example', 'good.example'],
    zoneNames: ['bl6.test', 'dbl.spamhaus.org'],
    servers: [rbl.server],
    catalog,
  });
  const row = (target: string, zone: string) => results.find((r) => r.target === target && r.zone === zone);
  expect(row('2001:db8::abcd', 'bl6.test')).toMatchObject({ verdict: 'listed', codes: ['127.0.0.2'], txt: 'IPv6 listed: 2001:db8::abcd' });
  expect(row('2001:db8::dead', 'bl6.test')?.verdict).toBe('not_listed');
  expect(row('2001:db8:1::1', 'bl6.test')).toMatchObject({ verdict: 'listed', codes: ['127.0.0.3'], txt: 'single 2001:db8:1::1' });
  expect(row('2001:db8:2::1', 'bl6.test')?.verdict).toBe('not_listed');
  expect(row('2001:db8::abcd', 'dbl.spamhaus.org')?.verdict).toBe('not_applicable');
  expect(row('bad.example', 'dbl.spamhaus.org')).toMatchObject({ verdict: 'listed', codes: ['127.0.1.2'], meanings: ['Spamhaus DBL: spam domain'] });
  expect(row('x.spammy.example', 'dbl.spamhaus.org')).toMatchObject({ verdict: 'listed', codes: ['127.0.1.4'], txt: 'Phish spammy.example' });
  const idn = results.find((r) => r.zone === 'dbl.spamhaus.org' && r.target.includes('bcher'));
  expect(idn).toMatchObject({ target: 'xn--bcher-kva.example', verdict: 'listed', codes: ['127.0.1.5'], meanings: ['Spamhaus DBL: malware domain'] });
  expect(row('good.example', 'dbl.spamhaus.org')?.verdict).toBe('not_listed');
  expect(row('good.example', 'bl6.test')?.verdict).toBe('not_applicable');
  expect(results.length).toBe(16);
});

test('budget: queries stop at the limit and the remaining verdicts are budget_exhausted', async () => {
  let granted = 0;
  const budget = { take: (zone: string, n: number) => (zone === 'zen.spamhaus.org' && granted + n <= 100 ? ((granted += n), true) : false) };
  const { summary, results, names } = await sweep([zen], range('198.51.100.0/24'), { budget, concurrency: 20 });
  expect(granted).toBe(100);
  expect(names.length).toBe(100);
  expect(summary.queries).toBe(100);
  expect(results.filter((r) => r.verdict === 'not_listed').length).toBe(98);
  expect(results.filter((r) => r.reason === 'budget_exhausted').length).toBe(158);
});

test('confirmation re-query on rbldnsd: each new listing is asked twice, then its TXT once', async () => {
  const { results, names } = await sweep([zen], range('192.0.2.0/29'));
  expect(results.filter((r) => r.verdict === 'listed').map((r) => [r.target, r.confirmed]).sort()).toEqual([
    ['192.0.2.1', true],
    ['192.0.2.4', true],
    ['192.0.2.5', true],
  ].sort());
  expect(names.filter((n) => n === '4.2.0.192.zen.spamhaus.org').length).toBe(2);
  expect(names.filter((n) => n === 'TXT 4.2.0.192.zen.spamhaus.org').length).toBe(1);
  expect(names.filter((n) => n === '3.2.0.192.zen.spamhaus.org').length).toBe(1);
});
