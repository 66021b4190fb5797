import { test, expect, beforeAll, afterAll } from 'vitest';
import { createThreadedDnsClient } from '../../../lib/dnsbl/threaded-dns-client.ts';
import { startDnsPeer } from '../../helpers/dns-peer.ts';
import type { DnsPeer } from '../../helpers/dns-peer.ts';
import { BL_TEST_RULES } from './bl-test-rules.ts';

let peer: DnsPeer;
let silent: DnsPeer;

beforeAll(async () => {
  peer = await startDnsPeer({ handle: (name) => BL_TEST_RULES[name] });
  silent = await startDnsPeer({ handle: () => ({ drop: true }) });
});
afterAll(async () => {
  await peer.stop();
  await silent.stop();
});

test('on the worker thread every rcode still maps to its own outcome (DNS-01)', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 200, tries: 1, inThreadShare: 0 });
  try {
    expect(client.servers).toEqual([peer.server]);
    expect(await client.started).toBe(true);
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(await client.resolveA('1.0.0.127.bl.test')).toEqual({ kind: 'nxdomain' });
    expect(await client.resolveA('nodata.bl.test')).toEqual({ kind: 'nodata' });
    expect(await client.resolveA('servfail.bl.test')).toEqual({ kind: 'servfail' });
    expect(await client.resolveA('refused.bl.test')).toEqual({ kind: 'refused' });
    expect(await client.resolveA('notimp.bl.test')).toEqual({ kind: 'other', rcode: 'NOTIMP' });
    expect(await client.resolveA('silent.bl.test')).toEqual({ kind: 'timeout' });
    expect(client.answeredByWorker).toBe(7);
  } finally {
    await client.close();
  }
});

test('TXT records come back joined per record, and a truncated reply says it came over TCP', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 1000, inThreadShare: 0 });
  await client.started;
  try {
    expect(await client.resolveTxt('2.0.0.127.bl.test')).toEqual({
      outcome: { kind: 'answer', addresses: [] },
      texts: ['Listed: see https://bl.test/127.0.0.2', 'second record'],
    });
    expect(await client.resolveTxt('big.bl.test')).toEqual({ outcome: { kind: 'answer', addresses: [] }, texts: ['x'.repeat(200) + 'y'.repeat(200)], tcp: true });
    expect(await client.resolveTxt('1.0.0.127.bl.test')).toEqual({ outcome: { kind: 'nxdomain' }, texts: [] });
    expect(client.answeredByWorker).toBe(3);
  } finally {
    await client.close();
  }
});

test('aborting one query rejects it with the signal reason at once; the others still answer', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 2000, inThreadShare: 0 });
  await client.started;
  try {
    const ac = new AbortController();
    const cancelled = client.resolveA('slow.bl.test', { signal: ac.signal });
    const other = client.resolveA('slow.bl.test', { signal: new AbortController().signal });
    ac.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await other).toEqual({ kind: 'answer', addresses: ['127.0.0.3'] });
    await expect(client.resolveA('2.0.0.127.bl.test', { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  } finally {
    await client.close();
  }
});

test('a timeout retries on the next server; the counters cross from the worker', async () => {
  const client = createThreadedDnsClient({ servers: [silent.server, peer.server], timeoutMs: 150, tries: 2, inThreadShare: 0 });
  await client.started;
  try {
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(client.answeredByWorker).toBe(1);
    expect(client.stats).toMatchObject({ sent: 2, retries: 1, timeouts: 1 });
  } finally {
    await client.close();
  }
});

test('close() fails the queries in flight, refuses new ones and stops the thread', async () => {
  const client = createThreadedDnsClient({ servers: [silent.server], timeoutMs: 5000, inThreadShare: 0 });
  await client.started;
  const inflight = expect(client.resolveA('never.bl.test')).rejects.toThrow('DNS client is closed');
  await client.close();
  await inflight;
  await expect(client.resolveA('x.bl.test')).rejects.toThrow('DNS client is closed');
  const workers = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((h) => h === 'Worker');
  expect(workers).toEqual([]);
});

test('300 queries in flight each get their own answer', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 1000, inThreadShare: 0 });
  await client.started;
  try {
    const names = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? '2.0.0.127.bl.test' : '1.0.0.127.bl.test'));
    const outcomes = await Promise.all(names.map((n) => client.resolveA(n)));
    expect(outcomes.filter((o) => o.kind === 'answer').length).toBe(100);
    expect(outcomes.filter((o) => o.kind === 'nxdomain').length).toBe(200);
    expect(client.answeredByWorker).toBe(300);
  } finally {
    await client.close();
  }
});

test('queries asked before the thread has started are answered in-thread, the same way', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 1000 });
  try {
    const early = await Promise.all([client.resolveA('2.0.0.127.bl.test'), client.resolveA('1.0.0.127.bl.test')]);
    expect(early).toEqual([{ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] }, { kind: 'nxdomain' }]);
    expect(await client.started).toBe(true);
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(client.stats.sent).toBe(3);
  } finally {
    await client.close();
  }
});

test('with inThreadShare 1 (all queries on the calling thread) every query is still answered', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 1000, inThreadShare: 1 });
  try {
    await client.started;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => client.resolveA('1.0.0.127.bl.test')));
    expect(outcomes.every((o) => o.kind === 'nxdomain')).toBe(true);
    expect(client.answeredByWorker).toBe(0);
  } finally {
    await client.close();
  }
});

test('by default a slow resolver\'s queries stay on the calling thread once the worker is up (under 10,000 queries/s)', async () => {
  const client = createThreadedDnsClient({ servers: [peer.server], timeoutMs: 2000 });
  try {
    expect(await client.started).toBe(true);
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => client.resolveA('slow.bl.test')));
    expect(outcomes.every((o) => o.kind === 'answer' && o.addresses[0] === '127.0.0.3')).toBe(true);
    expect(client.answeredByWorker).toBe(0);
  } finally {
    await client.close();
  }
});
