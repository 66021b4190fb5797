/**
 * One benchmark run in a fresh process (`node bench/row.ts '<json>'`): sweeps one size with one tool and prints
 * one JSON line: seconds (the sweep only, after imports and setup), DNS queries sent, listed pairs found that the
 * truth lists, listed pairs the truth does not list, errors, and the process's peak RSS in MB.
 */
import { intToIPv4 } from '../lib/dnsbl/parse-ip.ts';
import { benchDefinition, benchZones, listedCode, rangeOf, zoneIndexOf } from './zones.ts';
import type { BenchSize } from './zones.ts';

export type Tool = 'ours' | 'ours-db' | 'dnsbl' | 'bare';

/** What the orchestrator asks one run to do. */
export interface RowJob {
  tool: Tool;
  size: BenchSize;
  /** `ip:port` of the DNS server (rbldnsd, or the delay forwarder in front of it). */
  server: string;
  concurrency: number;
  /** For `ours-db`: the migrated SQLite file holding the bench zones and the range asset. */
  dbFile?: string;
}

/** What one run reports. */
export interface RowReport {
  seconds: number;
  /** CPU time of the whole process (all threads) and of its main thread during the sweep, in ms. */
  cpuMs: number;
  mainCpuMs: number;
  queries: number;
  found: number;
  falseListed: number;
  errors: number;
  maxRssMb: number;
}

/** Runs `fn` and adds its wall-clock seconds and CPU times (process and main thread). */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; cpuMs: number; mainCpuMs: number }> {
  const c0 = process.cpuUsage();
  const m0 = process.threadCpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const m1 = process.threadCpuUsage();
  return { value, seconds, cpuMs: (c.user + c.system) / 1000, mainCpuMs: (m1.user - m0.user + m1.system - m0.system) / 1000 };
}

const cost = (t: { seconds: number; cpuMs: number; mainCpuMs: number }) => ({ seconds: t.seconds, cpuMs: t.cpuMs, mainCpuMs: t.mainCpuMs });

function check(found: { ok: number; bad: number }, target: string, zone: string): void {
  const [a, b, c, d] = target.split('.').map(Number);
  const code = listedCode(zoneIndexOf(zone), ((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
  if (code === null) found.bad++;
  else found.ok++;
}

function* addresses(size: BenchSize): Generator<string> {
  const { start, count } = rangeOf(size);
  for (let i = 0; i < count; i++) yield intToIPv4(start + i);
}

type Timed = Omit<RowReport, 'maxRssMb'>;

async function runOurs(job: RowJob): Promise<Timed> {
  const { runSweep } = await import('../lib/dnsbl/run-sweep.ts');
  const { createThreadedDnsClient } = await import('../lib/dnsbl/threaded-dns-client.ts');
  const zones = benchZones().slice(0, job.size.zones).map(benchDefinition);
  const used = new Map<string, number>();
  // In-memory stand-in for the stored daily budget (no limit on bench zones, but every query is counted).
  const budget = { take: (zone: string, n: number) => (used.set(zone, (used.get(zone) ?? 0) + n), true) };
  const found = { ok: 0, bad: 0 };
  let errors = 0;
  // The client is created and closed inside the timed region, as sweepAssets does for every sweep.
  const t = await timed(async () => {
    // BENCH_IN_THREAD_SHARE (0–1) keeps that share of queries on this thread once the DNS thread is up (default 0).
    const share = process.env.BENCH_IN_THREAD_SHARE;
    const client = createThreadedDnsClient({ servers: [job.server], ...(share ? { inThreadShare: Number(share) } : {}) });
    try {
      return await runSweep({
        targets: (function* () {
          for (const value of addresses(job.size)) yield { value, keyType: 'ip4' as const };
        })(),
        zones,
        client,
        concurrency: job.concurrency,
        budget,
        confirmDelayMs: 0,
        // As sweepAssets passes it: pairs to query (a long sweep caps its young generation from the start).
        expectedQueries: rangeOf(job.size).count * zones.length,
        onResult: (r) => {
          if (r.verdict === 'listed') check(found, r.target, r.zone);
          else if (r.verdict === 'error') errors++;
        },
      });
    } finally {
      await client.close();
    }
  });
  if (t.value.zoneHealth.some((h) => !h.healthy)) throw new Error('a bench zone failed its health check');
  return { ...cost(t), queries: t.value.queries, found: found.ok, falseListed: found.bad, errors };
}

async function runOursDb(): Promise<Timed> {
  const { sweepAssets } = await import('../lib/sweeps/sweep-assets.ts');
  const { prisma } = await import('../lib/db.ts');
  // Prisma opens its connection, loads its query compiler and plans its first queries on first use: a long-lived
  // worker process has done that before its first sweep (claiming the JobRun, listing assets), so it happens
  // before the timed region here too.
  await prisma.asset.count();
  await prisma.asset.findMany({ take: 1 });
  const t = await timed(() => sweepAssets({ jobRunId: null }));
  const found = { ok: 0, bad: 0 };
  const rows = await prisma.listing.findMany({ where: { state: 'listed' }, select: { target: true, zone: true } });
  for (const r of rows) check(found, r.target, r.zone);
  await prisma.$disconnect();
  if (t.value.zoneHealth.unhealthy > 0) throw new Error('a bench zone failed its health check');
  return { ...cost(t), queries: t.value.queries, found: found.ok, falseListed: found.bad, errors: t.value.counts.errors };
}

async function runDnsbl(job: RowJob): Promise<Timed> {
  const { batch } = await import('dnsbl');
  const zones = benchZones().slice(0, job.size.zones).map((z) => z.zone);
  const ips = [...addresses(job.size)];
  const t = await timed(() => batch(ips, zones, { servers: [job.server], concurrency: job.concurrency }));
  const found = { ok: 0, bad: 0 };
  for (const it of t.value) if (it.listed) check(found, it.address, it.blacklist);
  return { ...cost(t), queries: t.value.length, found: found.ok, falseListed: found.bad, errors: 0 };
}

async function runBare(job: RowJob): Promise<Timed> {
  const { Resolver } = await import('node:dns/promises');
  const resolver = new Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([job.server]);
  const zones = benchZones().slice(0, job.size.zones).map((z) => z.zone);
  const pairs = (function* () {
    for (const ip of addresses(job.size)) {
      const rev = ip.split('.').reverse().join('.');
      for (const zone of zones) yield { ip, zone, name: `${rev}.${zone}` };
    }
  })();
  const found = { ok: 0, bad: 0 };
  let errors = 0;
  let queries = 0;
  const t = await timed(() =>
    Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        for (const p of pairs) {
          queries++;
          try {
            await resolver.resolve4(p.name);
            check(found, p.ip, p.zone);
          } catch (err) {
            if ((err as { code?: string }).code !== 'ENOTFOUND') errors++;
          }
        }
      }),
    ),
  );
  return { ...cost(t), queries, found: found.ok, falseListed: found.bad, errors };
}

const RUNNERS: Record<Tool, (job: RowJob) => Promise<Timed>> = {
  ours: runOurs,
  'ours-db': runOursDb,
  dnsbl: runDnsbl,
  bare: runBare,
};

const job = JSON.parse(process.argv[2]) as RowJob;
const report = await RUNNERS[job.tool](job);
const out: RowReport = { ...report, maxRssMb: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
