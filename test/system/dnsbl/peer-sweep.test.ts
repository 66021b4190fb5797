import { test, expect, beforeAll, afterAll } from 'vitest';
import { runSweep } from '../../../lib/dnsbl/run-sweep.ts';
import type { SweepResult, SweepTarget } from '../../../lib/dnsbl/run-sweep.ts';
import { createDnsClient } from '../../../lib/dnsbl/dns-client.ts';
import { startDnsPeer } from '../../helpers/dns-peer.ts';
import type { DnsPeer, PeerRule } from '../../helpers/dns-peer.ts';
import { testZone } from './test-zones.ts';

// Test points every healthy zone answers: 2.0.0.127.<zone> listed, 1.0.0.127.<zone> NXDOMAIN.
function healthy(name: string, zone: string): PeerRule | undefined {
  if (name === `2.0.0.127.${zone}`) return { a: ['127.0.0.2'] };
  if (name === `1.0.0.127.${zone}`) return { rcode: 'NXDOMAIN' };
  return undefined;
}

const confirmCount = new Map<string, number>();
let peer: DnsPeer;

beforeAll(async () => {
  peer = await startDnsPeer({
    handle(name) {
      const zone = name.split('.').slice(4).join('.');
      if (zone === 'silent.test') return { drop: true };
      const tp = healthy(name, zone);
      if (tp) return tp;
      switch (zone) {
        case 'servfail.test':
          return { rcode: 'SERVFAIL' };
        case 'refused.test':
          return { rcode: 'REFUSED' };
        case 'slow.test': // lists everything asked, late
          return { a: ['127.0.0.3'], txt: [['slow listing']], delayMs: 150 };
        case 'fast.test':
          return { rcode: 'NXDOMAIN' };
        case 'flap.test': { // listed on the first ask, then clean
          const n = (confirmCount.get(name) ?? 0) + 1;
          confirmCount.set(name, n);
          return n === 1 ? { a: ['127.0.0.2'] } : { rcode: 'NXDOMAIN' };
        }
        case 'flaperr.test': { // listed on the first ask, then SERVFAIL
          const n = (confirmCount.get(name) ?? 0) + 1;
          confirmCount.set(name, n);
          return n === 1 ? { a: ['127.0.0.2'] } : { rcode: 'SERVFAIL' };
        }
        case 'steady.test':
          return { a: ['127.0.0.2'], txt: [['steady ', 'listing']] };
        default:
          return undefined;
      }
    },
  });
});
afterAll(async () => {
  await peer.stop();
});

const ips = (n: number): SweepTarget[] => Array.from({ length: n }, (_, i) => ({ value: `192.0.2.${i + 1}`, keyType: 'ip4' }));

async function sweep(zones: string[], targets: SweepTarget[], extra: Partial<Parameters<typeof runSweep>[0]> = {}) {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 300, tries: 1 });
  const results: SweepResult[] = [];
  try {
    const summary = await runSweep({
      targets,
      zones: zones.map((z) => testZone(z, ['ip4'])),
      client,
      confirmDelayMs: 10,
      onResult: (r) => {
        results.push(r);
      },
      ...extra,
    });
    return { summary, results };
  } finally {
    await client.close();
  }
}

test('DNS-01: SERVFAIL and REFUSED on targets are errors with their reason, never verdicts', async () => {
  const { results, summary } = await sweep(['servfail.test', 'refused.test'], ips(3));
  expect(results.filter((r) => r.zone === 'servfail.test').map((r) => [r.verdict, r.reason])).toEqual(Array(3).fill(['error', 'servfail']));
  expect(results.filter((r) => r.zone === 'refused.test').map((r) => [r.verdict, r.reason])).toEqual(Array(3).fill(['error', 'refused']));
  expect(summary.counts).toEqual({ listed: 0, notListed: 0, errors: 6, notApplicable: 0 });
  expect(summary.zoneHealth.map((z) => z.healthy)).toEqual([true, true]);
});

test('a slow zone that lists and a fast zone answering NXDOMAIN in the same sweep both get the right verdict', async () => {
  const progress: { done: number; total: number | null }[] = [];
  const { results, summary } = await sweep(['slow.test', 'fast.test'], ips(20), {
    needsConfirmation: () => false,
    expectedQueries: 40,
    onProgress: (p) => progress.push(p),
  });
  // 4 test-point queries + 40 target queries + 20 TXT lookups for the slow zone's listings
  expect(summary.queries).toBe(64);
  expect(progress.at(-1)).toEqual({ done: 64, total: 40 });
  expect(progress.length).toBeLessThan(10);
  const slow = results.filter((r) => r.zone === 'slow.test');
  const fast = results.filter((r) => r.zone === 'fast.test');
  expect(slow.length).toBe(20);
  expect(fast.length).toBe(20);
  expect(slow.every((r) => r.verdict === 'listed' && r.codes[0] === '127.0.0.3' && r.txt === 'slow listing')).toBe(true);
  expect(slow[0].meanings).toEqual(['Test listing: snowshoe range']);
  expect(fast.every((r) => r.verdict === 'not_listed')).toBe(true);
});

test('timeouts are error/timeout, never listed; the test points of a silent zone make it unhealthy', async () => {
  const silentTargets = await sweep(['fast.test'], ips(2), {
    zones: [testZone('silent.test', ['ip4'], { testPoints: {} })],
  });
  expect(silentTargets.results.map((r) => [r.zone, r.verdict, r.reason])).toEqual([
    ['silent.test', 'error', 'timeout'],
    ['silent.test', 'error', 'timeout'],
  ]);
  const probed = await sweep(['silent.test'], ips(2));
  expect(probed.summary.zoneHealth[0]).toMatchObject({ healthy: false, positiveFailed: true });
  expect(probed.summary.zoneHealth[0].reason).toContain('positive test point 127.0.0.2 not listed (timeout)');
  expect(probed.results.every((r) => r.reason === 'zone_unhealthy' && r.detail === probed.summary.zoneHealth[0].reason)).toBe(true);
});

test('confirmation: a listing that holds is confirmed; one that vanishes is not_listed; one that errors is that error', async () => {
  const { results } = await sweep(['steady.test', 'flap.test', 'flaperr.test'], ips(1));
  const by = Object.fromEntries(results.map((r) => [r.zone, r]));
  expect(by['steady.test']).toMatchObject({ verdict: 'listed', confirmed: true, codes: ['127.0.0.2'], txt: 'steady listing' });
  expect(by['flap.test']).toMatchObject({ verdict: 'not_listed', codes: [] });
  expect(by['flap.test'].confirmed).toBeUndefined();
  expect(by['flaperr.test']).toMatchObject({ verdict: 'error', reason: 'servfail' });
  const asked = peer.queries.filter((q) => q.name === '1.2.0.192.flap.test' && q.type === 'A').length;
  expect(asked).toBe(2);
});

test('listings waiting for their confirmation do not hold the sweep back: every first ask goes out before the first re-ask', async () => {
  const targets: SweepTarget[] = [...ips(250), ...Array.from({ length: 50 }, (_, i) => ({ value: `198.51.100.${i + 1}`, keyType: 'ip4' as const }))];
  const from = peer.queries.length;
  // 300 listings, 4 queries in flight: while each listing waits 1 s for its confirmation, the other targets go on.
  const { results } = await sweep(['steady.test'], targets, { concurrency: 4, confirmDelayMs: 1000 });
  const asked = peer.queries.slice(from).filter((q) => q.type === 'A' && !q.name.endsWith('.0.0.127.steady.test'));
  const seen = new Set<string>();
  const firstReask = asked.findIndex((q) => seen.has(q.name) || (seen.add(q.name), false));
  expect(firstReask).toBe(300);
  expect(asked.length).toBe(600);
  expect(results.filter((r) => r.verdict === 'listed' && r.confirmed && r.txt === 'steady listing').length).toBe(300);
});

test('abort: the sweep rejects with AbortError and emits nothing after the abort', async () => {
  const ac = new AbortController();
  let afterAbort = 0;
  const run = sweep(['slow.test'], ips(200), {
    needsConfirmation: () => false,
    signal: ac.signal,
    onResult: () => {
      if (ac.signal.aborted) afterAbort++;
    },
  });
  setTimeout(() => ac.abort(), 200);
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  expect(afterAbort).toBe(0);
});

test('targets are pulled lazily and onResult is awaited one at a time (back-pressure)', async () => {
  let pulled = 0;
  let inside = 0;
  let overlap = 0;
  function* many(): Generator<SweepTarget> {
    for (let i = 0; i < 2000; i++) {
      pulled++;
      yield { value: `10.0.${i >> 8}.${i & 255}`, keyType: 'ip4' };
    }
  }
  let seenWhenBlocked = -1;
  const { summary } = await sweep(['fast.test'], [], {
    targets: many(),
    concurrency: 10,
    onResult: async () => {
      inside++;
      if (inside > 1) overlap++;
      if (seenWhenBlocked < 0) {
        await new Promise((r) => setTimeout(r, 100));
        seenWhenBlocked = pulled;
      }
      inside--;
    },
  });
  expect(overlap).toBe(0);
  expect(summary.counts.notListed).toBe(2000);
  expect(seenWhenBlocked).toBeLessThan(200);
});

test('not_applicable: an ip6 target on an ip4-only zone is not queried', async () => {
  const before = peer.queries.length;
  const { results, summary } = await sweep(['fast.test'], [{ value: '2001:db8::1', keyType: 'ip6', key: 'asset-7' }]);
  expect(results).toEqual([{ target: '2001:db8::1', zone: 'fast.test', verdict: 'not_applicable', codes: [], meanings: [], key: 'asset-7' }]);
  expect(peer.queries.length).toBe(before);
  expect(summary.zoneHealth).toEqual([]);
});
