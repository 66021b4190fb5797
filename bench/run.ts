/**
 * `npm run bench`: the DNSBL sweep benchmark of issue 5. Starts rbldnsd with 50 generated zones and a UDP
 * forwarder adding 20 ms to every answer, then runs, alternating and each in a fresh `node` process, our sweep
 * (without and with SQLite storage), npm `dnsbl`, Debian `rblcheck` and a bare `Resolver.resolve4` loop on the same
 * /24 × 50 lookups; prints medians, ratios and the scaling rows. Options: `--runs N` (default 5), `--scale-runs N`
 * (default 3), `--sample N` (rblcheck addresses at 20 ms, default 6: half listed somewhere, half clean), `--no-scale`, `--only-scale`.
 * Every child runs with NODE_COMPILE_CACHE (as `npm run worker` does; Node's default directory unless set), and one
 * untimed `ours` run fills it first. Environment: BENCH_IN_THREAD_SHARE=0…1 keeps that share of the `ours` rows'
 * queries on the sweeping thread once the DNS thread is up (default 0).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { intToIPv4 } from '../lib/dnsbl/parse-ip.ts';
import { startBenchRbldnsd } from './start-bench-rbldnsd.ts';
import { startDelayForwarder } from './dns-delay-forwarder.ts';
import type { DelayForwarder } from './dns-delay-forwarder.ts';
import { runRblcheck } from './rblcheck.ts';
import { benchZones, listedCode, rangeOf, truthCount, zoneIndexOf } from './zones.ts';
import type { BenchSize } from './zones.ts';
import type { RowJob, RowReport, Tool } from './row.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'scale-runs': { type: 'string', default: '3' },
    sample: { type: 'string', default: '6' },
    'no-scale': { type: 'boolean', default: false },
    'only-scale': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const SCALE_RUNS = Number(args['scale-runs']);
const SAMPLE = Number(args.sample);
/** The product's default DNSBL_CONCURRENCY: every tool runs at it. */
const CONCURRENCY = 100;
const DELAYS = [0, 20];
const MAIN: BenchSize = { label: '/24 × 50', prefix: 24, zones: 50 };
const SCALE: BenchSize[] = [
  { label: '/24 × 5', prefix: 24, zones: 5 },
  MAIN,
  { label: '/20 × 50', prefix: 20, zones: 50 },
  { label: '/16 × 10', prefix: 16, zones: 10 },
];
const ROOT = path.resolve(import.meta.dirname, '..');
const COMPILE_CACHE = process.env.NODE_COMPILE_CACHE ?? path.join(os.tmpdir(), 'node-compile-cache');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-bench-'));

interface Measured extends RowReport {
  truth: number;
  note?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runChild(script: string, arg: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), arg], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_COMPILE_CACHE: COMPILE_CACHE, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}: ${err.trim()}`))));
  });
}

const templates = new Map<string, string>();
async function templateFor(size: BenchSize): Promise<string> {
  const key = `${size.prefix}x${size.zones}`;
  let file = templates.get(key);
  if (!file) {
    file = path.join(work, `template-${key}.db`);
    await runChild('bench/prepare-db.ts', JSON.stringify(size), { DATABASE_URL: `file:${file}` });
    templates.set(key, file);
  }
  return file;
}

async function runTool(tool: Tool, size: BenchSize, server: string): Promise<Measured> {
  const job: RowJob = { tool, size, server, concurrency: CONCURRENCY };
  const env: Record<string, string> = {};
  if (tool === 'ours-db') {
    const template = await templateFor(size);
    const db = path.join(work, 'run.db');
    for (const f of fs.readdirSync(work)) if (f.startsWith('run.db')) fs.rmSync(path.join(work, f));
    fs.copyFileSync(template, db);
    Object.assign(env, { DATABASE_URL: `file:${db}`, DNSBL_RESOLVER: server, DNSBL_CONFIRM_DELAY_MS: '0', DNSBL_CONCURRENCY: String(CONCURRENCY) });
  }
  const out = await runChild('bench/row.ts', JSON.stringify(job), env);
  const report = JSON.parse(out.trim().split('\n').pop() as string) as RowReport;
  return { ...report, truth: truthCount(size) };
}

async function runRbl(size: BenchSize, nameserver: string, sample: number | null): Promise<Measured> {
  const { start, count } = rangeOf(size);
  const zones = benchZones().slice(0, size.zones).map((z) => z.zone);
  const sampled = sample === null ? null : sampleAddresses(start, count, zones.length, sample);
  const ips = sampled ?? Array.from({ length: count }, (_, i) => start + i);
  const n = ips.length;
  const addresses = ips.map(intToIPv4);
  const r = await runRblcheck({ nameserver, zones, addresses, dir: work });
  const queries = n * zones.length;
  let found = 0;
  let falseListed = 0;
  for (const l of r.listed) {
    const [a, b, c, d] = l.address.split('.').map(Number);
    if (listedCode(zoneIndexOf(l.zone), ((a << 24) | (b << 16) | (c << 8) | d) >>> 0) === null) falseListed++;
    else found++;
  }
  let truth = 0;
  for (let z = 0; z < zones.length; z++) for (const ip of ips) if (listedCode(z, ip) !== null) truth++;
  const scale = (count * zones.length) / queries;
  return {
    seconds: r.seconds * scale,
    cpuMs: r.cpuMs * scale,
    mainCpuMs: r.cpuMs * scale,
    queries: count * zones.length,
    found,
    falseListed,
    errors: 0,
    maxRssMb: r.maxRssMb,
    truth,
    ...(sample !== null ? { note: `scaled per query from a sample of ${n} addresses (${queries} queries)` } : {}),
  };
}

/** A stated sample: the first ⌈n/2⌉ addresses the truth lists on some zone and the first ⌊n/2⌋ it lists nowhere. */
function sampleAddresses(start: number, count: number, zones: number, n: number): number[] {
  const listed: number[] = [];
  const clean: number[] = [];
  for (let ip = start; ip < start + count; ip++) {
    let any = false;
    for (let z = 0; z < zones && !any; z++) any = listedCode(z, ip) !== null;
    if (any && listed.length < Math.ceil(n / 2)) listed.push(ip);
    if (!any && clean.length < Math.floor(n / 2)) clean.push(ip);
  }
  return [...listed, ...clean].sort((a, b) => a - b);
}

type Summary = { seconds: number; qps: number; rss: number; found: string; falseListed: number; errors: number; note?: string };
function summarise(ms: Measured[]): Summary {
  const seconds = median(ms.map((m) => m.seconds));
  const queries = median(ms.map((m) => m.queries));
  const founds = ms.map((m) => `${m.found}/${m.truth}`);
  const uniq = [...new Set(founds)];
  return {
    seconds,
    qps: queries / seconds,
    rss: Math.max(...ms.map((m) => m.maxRssMb)),
    found: uniq.length === 1 ? uniq[0] : `${Math.min(...ms.map((m) => m.found))}–${Math.max(...ms.map((m) => m.found))}/${ms[0].truth}`,
    falseListed: Math.max(...ms.map((m) => m.falseListed)),
    errors: Math.max(...ms.map((m) => m.errors)),
    ...(ms[0].note ? { note: ms[0].note } : {}),
  };
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`inboxwatch DNSBL sweep benchmark · ${os.cpus().length} cores · node ${process.version} · load average ${load()}`);
const rbl = await startBenchRbldnsd({ zones: benchZones(), port53Address: '127.53.0.1' });
let forwarder: DelayForwarder;
let forwarder53 = true;
try {
  forwarder = await startDelayForwarder({ upstream: { address: '127.0.0.1', port: rbl.port }, delayMs: 20, address: '127.53.0.2', port: 53 });
} catch {
  forwarder53 = false;
  forwarder = await startDelayForwarder({ upstream: { address: '127.0.0.1', port: rbl.port }, delayMs: 20 });
}
const serverFor = (delay: number) => (delay === 0 ? rbl.server : forwarder.server);
const rblNameserver = (delay: number) => (delay === 0 ? rbl.port53Address : forwarder53 ? forwarder.address : null);
console.log(`rbldnsd pid ${rbl.pid} on ${rbl.server}${rbl.port53Address ? ` and ${rbl.port53Address}:53` : ''}; 20 ms forwarder on ${forwarder.server}`);

const TOOLS: (Tool | 'rblcheck')[] = ['ours', 'ours-db', 'dnsbl', 'rblcheck', 'bare'];
const LABEL: Record<Tool | 'rblcheck', string> = {
  ours: 'ours (runSweep)',
  'ours-db': 'ours + SQLite (sweepAssets)',
  dnsbl: 'npm dnsbl 4.0.3',
  rblcheck: 'rblcheck (Debian, serial)',
  bare: 'bare Resolver.resolve4',
};

try {
  // Untimed: fills the compile cache with every module a run loads (the DNS thread's included).
  await runTool('ours', { label: '/24 × 5', prefix: 24, zones: 5 }, rbl.server);
  if (!args['only-scale']) {
    const results = new Map<string, Measured[]>();
    const skipped = new Map<string, string>();
    for (let run = 1; run <= RUNS; run++) {
      for (const delay of DELAYS) {
        for (const tool of TOOLS) {
          const key = `${delay}|${tool}`;
          if (skipped.has(key)) continue;
          let m: Measured;
          if (tool === 'rblcheck') {
            const ns = rblNameserver(delay);
            if (!ns) {
              skipped.set(key, 'no loopback address free on port 53');
              continue;
            }
            try {
              m = await runRbl(MAIN, ns, delay === 0 ? null : SAMPLE);
            } catch (err) {
              skipped.set(key, (err as Error).message.split('\n')[0]);
              continue;
            }
          } else m = await runTool(tool, MAIN, serverFor(delay));
          results.set(key, [...(results.get(key) ?? []), m]);
        }
      }
      process.stderr.write(`run ${run}/${RUNS} done · load average ${load()}\n`);
    }
    for (const delay of DELAYS) {
      const rows: string[][] = [];
      const s = new Map<string, Summary>();
      for (const tool of TOOLS) {
        const ms = results.get(`${delay}|${tool}`);
        if (!ms) {
          rows.push([LABEL[tool], '-', '-', '-', '-', '-', '-', `not run: ${skipped.get(`${delay}|${tool}`)}`]);
          continue;
        }
        const x = summarise(ms);
        s.set(tool, x);
        rows.push([LABEL[tool], x.seconds.toFixed(3), Math.round(x.qps).toLocaleString('en'), x.rss.toFixed(0), x.found, String(x.falseListed), String(x.errors), x.note ?? `median of ${ms.length}`]);
      }
      console.log(`\n${MAIN.label} (12,800 pairs), ${delay} ms added per answer, concurrency ${CONCURRENCY}, load average ${load()}`);
      console.log(table(['tool', 'seconds', 'queries/s', 'peak RSS MB', 'listed found/truth', 'false', 'errors', 'note'], rows));
      const ours = s.get('ours');
      const oursDb = s.get('ours-db');
      const ratio = (a: Summary | undefined, b: Summary | undefined) => (a && b ? (b.seconds / a.seconds).toFixed(2) : 'n/a');
      console.log(
        `ratios (how many times faster ours is): ours/dnsbl ${ratio(ours, s.get('dnsbl'))} · ours/rblcheck ${ratio(ours, s.get('rblcheck'))} · ours/bare ${ratio(ours, s.get('bare'))}` +
          ` · with storage: ours+db/dnsbl ${ratio(oursDb, s.get('dnsbl'))} · ours+db/rblcheck ${ratio(oursDb, s.get('rblcheck'))} · ours+db/bare ${ratio(oursDb, s.get('bare'))}`,
      );
    }
  }
  if (!args['no-scale']) {
    // bare too: it shows where the fixed start-up cost of a sweep stops mattering.
    const tools: Tool[] = ['ours', 'ours-db', 'dnsbl', 'bare'];
    const res = new Map<string, Measured[]>();
    for (let run = 1; run <= SCALE_RUNS; run++) {
      for (const size of SCALE) {
        for (const tool of tools) {
          const key = `${size.label}|${tool}`;
          res.set(key, [...(res.get(key) ?? []), await runTool(tool, size, rbl.server)]);
        }
      }
      process.stderr.write(`scaling run ${run}/${SCALE_RUNS} done · load average ${load()}\n`);
    }
    const rows: string[][] = [];
    for (const size of SCALE) {
      for (const tool of tools) {
        const x = summarise(res.get(`${size.label}|${tool}`)!);
        const base = summarise(res.get(`${MAIN.label}|${tool}`)!);
        const bare = summarise(res.get(`${size.label}|bare`)!);
        const notes = [
          ...(size === SCALE[2] && tool !== 'bare' ? [`${(x.seconds / base.seconds).toFixed(1)}× the /24 × 50 time (16× is linear)`] : []),
          ...(tool === 'ours' || tool === 'ours-db' ? [`${tool === 'ours' ? 'ours' : 'ours+db'}/bare ${(bare.seconds / x.seconds).toFixed(2)}`] : []),
        ];
        const vs = notes.join(' · ');
        rows.push([size.label, LABEL[tool], x.seconds.toFixed(3), Math.round(x.qps).toLocaleString('en'), x.rss.toFixed(0), x.found, String(x.falseListed), String(x.errors), vs]);
      }
    }
    console.log(`\nScaling, 0 ms, concurrency ${CONCURRENCY}, median of ${SCALE_RUNS}, peak RSS is the max over runs, load average ${load()}`);
    console.log(table(['size', 'tool', 'seconds', 'queries/s', 'peak RSS MB', 'listed found/truth', 'false', 'errors', 'note'], rows));
  }
} finally {
  await forwarder.stop();
  await rbl.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
