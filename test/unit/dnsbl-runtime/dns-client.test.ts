import { test, expect, beforeAll, afterAll } from 'vitest';
import { createDnsClient } from '../../../lib/dnsbl/dns-client.ts';
import { startDnsPeer } from '../../helpers/dns-peer.ts';
import type { DnsPeer } from '../../helpers/dns-peer.ts';
import { BL_TEST_RULES } from './bl-test-rules.ts';

let peer: DnsPeer;
let peer6: DnsPeer;
let silent: DnsPeer;

beforeAll(async () => {
  peer = await startDnsPeer({ handle: (name) => BL_TEST_RULES[name] });
  peer6 = await startDnsPeer({ handle: (name) => BL_TEST_RULES[name], family: 6 });
  silent = await startDnsPeer({ handle: () => ({ drop: true }) });
});
afterAll(async () => {
  await peer.stop();
  await peer6.stop();
  await silent.stop();
});

test('DNS-01: each rcode maps to its own outcome, never to "clean"', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 200, tries: 1 });
  try {
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(await client.resolveA('1.0.0.127.bl.test')).toEqual({ kind: 'nxdomain' });
    expect(await client.resolveA('nodata.bl.test')).toEqual({ kind: 'nodata' });
    expect(await client.resolveA('servfail.bl.test')).toEqual({ kind: 'servfail' });
    expect(await client.resolveA('refused.bl.test')).toEqual({ kind: 'refused' });
    expect(await client.resolveA('notimp.bl.test')).toEqual({ kind: 'other', rcode: 'NOTIMP' });
    expect(await client.resolveA('silent.bl.test')).toEqual({ kind: 'timeout' });
  } finally {
    await client.close();
  }
});

test('TXT records: character-strings joined per record, one string per record', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 500 });
  try {
    const txt = await client.resolveTxt('2.0.0.127.bl.test');
    expect(txt.outcome.kind).toBe('answer');
    expect(txt.texts).toEqual(['Listed: see https://bl.test/127.0.0.2', 'second record']);
    expect(txt.tcp).toBeUndefined();
    expect((await client.resolveTxt('1.0.0.127.bl.test')).outcome).toEqual({ kind: 'nxdomain' });
  } finally {
    await client.close();
  }
});

test('a CNAME inside the answer is followed to its A records', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 500 });
  try {
    expect(await client.resolveA('alias.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.5'] });
  } finally {
    await client.close();
  }
});

test('a truncated UDP reply is re-asked over TCP and says so', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 1000 });
  try {
    const txt = await client.resolveTxt('big.bl.test');
    expect(txt.tcp).toBe(true);
    expect(txt.texts).toEqual(['x'.repeat(200) + 'y'.repeat(200)]);
    expect(client.stats.tcpFallbacks).toBe(1);
    const seen = peer.queries.filter((q) => q.name === 'big.bl.test').map((q) => q.transport);
    expect(seen).toEqual(['udp', 'tcp']);
  } finally {
    await client.close();
  }
});

test('a reply with another id is ignored: the query times out instead of taking it', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 200, tries: 1 });
  try {
    expect(await client.resolveA('spoof.bl.test')).toEqual({ kind: 'timeout' });
  } finally {
    await client.close();
  }
});

test('IPv6 server address: same answers over udp6', async () => {
  const client = createDnsClient({ servers: [peer6.server], timeoutMs: 500 });
  try {
    expect(client.servers).toEqual([peer6.server]);
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(await client.resolveA('refused.bl.test')).toEqual({ kind: 'refused' });
  } finally {
    await client.close();
  }
});

test('aborting one query rejects only that query; the others in flight still answer', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 2000 });
  try {
    const ac = new AbortController();
    const cancelled = client.resolveA('slow.bl.test', { signal: ac.signal });
    const other = client.resolveA('slow.bl.test');
    const third = client.resolveA('2.0.0.127.bl.test', { signal: new AbortController().signal });
    ac.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await other).toEqual({ kind: 'answer', addresses: ['127.0.0.3'] });
    expect(await third).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
  } finally {
    await client.close();
  }
});

test('a timeout retries on the next server and takes its answer', async () => {
  const client = createDnsClient({ servers: [silent.server, peer.server], timeoutMs: 150, tries: 2 });
  try {
    const before = silent.queries.length;
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(silent.queries.length - before).toBe(1);
    expect(client.stats).toMatchObject({ sent: 2, retries: 1, timeouts: 1 });
  } finally {
    await client.close();
  }
});

test('100 queries timing out together: each try times out once on its own deadline and is retried once', async () => {
  const client = createDnsClient({ servers: [silent.server, peer.server], timeoutMs: 150, tries: 2 });
  try {
    const names = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? '2.0.0.127.bl.test' : '1.0.0.127.bl.test'));
    const outcomes = await Promise.all(names.map((n) => client.resolveA(n)));
    expect(outcomes.filter((o) => o.kind === 'answer').length).toBe(25);
    expect(outcomes.filter((o) => o.kind === 'nxdomain').length).toBe(75);
    expect(client.stats).toMatchObject({ sent: 200, retries: 100, timeouts: 100 });
  } finally {
    await client.close();
  }
  // Both tries of every query timing out: one timeout outcome each, no third send.
  const lone = createDnsClient({ servers: [silent.server], timeoutMs: 100, tries: 2 });
  try {
    const lost = await Promise.all(['a.bl.test', 'b.bl.test', 'c.bl.test'].map((n) => lone.resolveA(n)));
    expect(lost).toEqual([{ kind: 'timeout' }, { kind: 'timeout' }, { kind: 'timeout' }]);
    expect(lone.stats).toMatchObject({ sent: 6, retries: 3, timeouts: 6 });
  } finally {
    await lone.close();
  }
});

test('SERVFAIL moves to the next server when there is one', async () => {
  const failing = await startDnsPeer({ handle: () => ({ rcode: 'SERVFAIL' }) });
  const client = createDnsClient({ servers: [failing.server, peer.server], timeoutMs: 500, tries: 2 });
  try {
    expect(await client.resolveA('2.0.0.127.bl.test')).toEqual({ kind: 'answer', addresses: ['127.0.0.2', '127.0.0.4'] });
    expect(failing.queries.map((q) => q.name)).toEqual(['2.0.0.127.bl.test']);
  } finally {
    await client.close();
    await failing.stop();
  }
});

test('close() fails the queries in flight and leaves no handle behind', async () => {
  const timers = () =>
    (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((h) => h === 'Timeout').length;
  const before = timers();
  const client = createDnsClient({ servers: [silent.server], timeoutMs: 5000 });
  const inflight = client.resolveA('never.bl.test');
  await client.close();
  await expect(inflight).rejects.toThrow('DNS client is closed');
  await expect(client.resolveA('x.bl.test')).rejects.toThrow('DNS client is closed');
  expect(timers()).toBe(before);
});

test('many queries in flight on one client each get their own answer', async () => {
  const client = createDnsClient({ servers: [peer.server], timeoutMs: 1000 });
  try {
    const names = Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? '2.0.0.127.bl.test' : '1.0.0.127.bl.test'));
    const outcomes = await Promise.all(names.map((n) => client.resolveA(n)));
    expect(outcomes.filter((o) => o.kind === 'answer').length).toBe(75);
    expect(outcomes.filter((o) => o.kind === 'nxdomain').length).toBe(75);
  } finally {
    await client.close();
  }
});
