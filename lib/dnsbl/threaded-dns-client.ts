import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createDnsClient } from './dns-client.ts';
import type { DnsClient, DnsClientStats, LookupDone } from './dns-client.ts';
import type { DnsOutcome } from './types.ts';
import { workerEnv } from '../worker-env.ts';

/** The DNS thread's young-generation limit, MB (V8 otherwise sizes it for throughput, tens of MB). */
const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * Query rate (queries/s) below which the calling thread sends them itself: at ~30 µs of CPU per query it then
 * spends under a third of its time on them, and each query saves two thread hops (~1 ms of latency, 6 % of a
 * sweep behind a 20 ms resolver). Above it (a fast resolver: CPU-bound) the worker takes them all.
 */
const IN_THREAD_MAX_RATE = 10_000;
const WORKER_FILE = fileURLToPath(new URL('./dns-client-worker.ts', import.meta.url));
/** Same order as OUTCOME_CODES in dns-client-worker.ts (not imported: that module is the worker's entry). */
const KINDS: DnsOutcome['kind'][] = ['answer', 'nxdomain', 'nodata', 'servfail', 'refused', 'timeout', 'other'];

type TxtReply = { outcome: DnsOutcome; texts: string[]; tcp?: boolean };

/** A query on the worker: `done` gets the A outcome or, for TXT (type 1), the TXT reply. */
interface Pending {
  type: 0 | 1;
  name: string;
  signal: AbortSignal | undefined;
  done: (err: unknown, v?: DnsOutcome | TxtReply) => void;
}

/** Outcomes without data, shared (no allocation per NXDOMAIN). */
const BARE: DnsOutcome[] = KINDS.map((kind) => Object.freeze({ kind }) as DnsOutcome);

function outcomeOf(code: number, data: unknown): DnsOutcome {
  const kind = KINDS[code];
  if (kind === 'answer') return { kind, addresses: Array.isArray(data) ? (data as string[]) : [] };
  if (kind === 'other') return { kind, rcode: data as string };
  return BARE[code];
}

/**
 * The UDP client of createDnsClient run on a worker thread, so that the send and receive system calls and the
 * reply decoding (most of a query's CPU cost on a fast resolver) use a second core while the caller's thread
 * classifies. Queries and answers cross threads in batches, one message per event-loop turn each way.
 * Until the worker has started (~0.1–0.2 s: a new isolate loading the client, from Node's compile cache,
 * lib/worker-env.ts), queries go to an in-thread client, so a sweep never waits for the thread. Afterwards the
 * query rate decides, checked every 100 ms: below IN_THREAD_MAX_RATE (a slow resolver: the sweep waits on round
 * trips) the calling thread sends them itself, saving two thread hops per query; above it (CPU-bound) every query
 * goes to the worker and the calling thread only classifies and stores. Splitting a CPU-bound sweep between the
 * two threads was slower on a 2-core machine with the resolver on the same host (0.43–0.55 s instead of
 * 0.39–0.45 s for the ~9,500 queries of a /24 × 50 after the thread is up: three busy threads on two cores).
 * `inThreadShare` (0–1) fixes the calling thread's share instead (benchmarks, tests).
 * Behaviour is the DnsClient contract: never rejects for DNS outcomes; an aborted query rejects at once with the
 * signal's reason (its datagram, already sent, is answered or times out on the worker and is then dropped);
 * `close()` fails queries in flight and stops the thread. If the worker cannot start or fails, queries in flight
 * and later ones go to an in-thread client with the same settings. Where the worker file is not on disk (a
 * bundled build), this is simply createDnsClient.
 * @throws AppError `invalid_input` when a server is not an IP address with an optional port (as createDnsClient).
 */
export function createThreadedDnsClient(params: {
  servers: string[];
  timeoutMs?: number;
  tries?: number;
  sockets?: number;
  inThreadShare?: number;
}): ThreadedDnsClientApi {
  const local = createDnsClient(params);
  if (!fs.existsSync(WORKER_FILE) || params.servers.length === 0) return Object.assign(local, { started: Promise.resolve(false), answeredByWorker: 0 });
  return new ThreadedDnsClient(params, local);
}

/**
 * The client with its counters; `started` resolves true once the worker thread answers queries, false if it never
 * will; `answeredByWorker` counts the queries the worker thread answered (the rest were sent in-thread).
 */
export type ThreadedDnsClientApi = DnsClient & { readonly stats: DnsClientStats; readonly started: Promise<boolean>; readonly answeredByWorker: number };

class ThreadedDnsClient implements ThreadedDnsClientApi {
  readonly servers: string[];
  readonly started: Promise<boolean>;
  answeredByWorker = 0;
  #onStarted: (ok: boolean) => void = () => {};
  #worker: Worker | null;
  #local: DnsClient & { readonly stats: DnsClientStats };
  #usingLocal = false;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #out: (number | string)[] = [];
  #scheduled = false;
  #reffed = false;
  #workerStats: DnsClientStats = { sent: 0, retries: 0, timeouts: 0, tcpFallbacks: 0 };
  #groups = new Map<AbortSignal, { n: number; onAbort: () => void }>();
  #closed = false;
  #exited: Promise<void>;
  /** Share of queries kept on the calling thread once the worker is ready (0–1). */
  #share: number;
  #adaptive: boolean;
  #credit = 0;
  /** Queries asked since the last rate check, and the timer of those checks. */
  #asked = 0;
  #askedSince = performance.now();
  #rateTimer: NodeJS.Timeout | null = null;
  #ready = false;

  constructor(
    params: { servers: string[]; timeoutMs?: number; tries?: number; sockets?: number; inThreadShare?: number },
    local: DnsClient & { readonly stats: DnsClientStats },
  ) {
    this.#local = local;
    this.#adaptive = params.inThreadShare === undefined;
    this.#share = Math.min(1, Math.max(0, params.inThreadShare ?? 0));
    this.started = new Promise((res) => (this.#onStarted = res));
    this.servers = local.servers;
    const worker = new Worker(WORKER_FILE, {
      workerData: { servers: params.servers, timeoutMs: params.timeoutMs, tries: params.tries, sockets: params.sockets },
      env: workerEnv(),
      // The thread's live data is a few hundred queries: a small young generation keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.#worker = worker;
    worker.unref();
    worker.on('message', (msg: { r: number[]; x: unknown[]; s: number[]; ready?: true }) => {
      if (msg.ready) {
        this.#ready = true;
        if (this.#adaptive) this.#startRateChecks();
        this.#onStarted(true);
      }
      else this.#onResults(msg);
    });
    worker.on('error', () => this.#toLocal());
    this.#exited = new Promise((res) => worker.once('exit', () => {
      if (!this.#closed) this.#toLocal();
      res();
    }));
  }

  get stats(): DnsClientStats {
    const w = this.#workerStats;
    const l = this.#local.stats;
    return { sent: w.sent + l.sent, retries: w.retries + l.retries, timeouts: w.timeouts + l.timeouts, tcpFallbacks: w.tcpFallbacks + l.tcpFallbacks };
  }

  resolveA(name: string, opts?: { signal?: AbortSignal }): Promise<DnsOutcome> {
    return new Promise((resolve, reject) => this.lookupA(name, (err, o) => (err === null ? resolve(o as DnsOutcome) : reject(err)), opts?.signal));
  }

  lookupA(name: string, done: LookupDone, signal?: AbortSignal): void {
    this.#asked++;
    if (this.#inThread()) this.#local.lookupA!(name, done, signal);
    else this.#query(0, name, signal, done as Pending['done']);
  }

  resolveTxt(name: string, opts?: { signal?: AbortSignal }): Promise<TxtReply> {
    this.#asked++;
    if (this.#inThread()) return this.#local.resolveTxt(name, opts);
    return new Promise((resolve, reject) => this.#query(1, name, opts?.signal, (err, v) => (err === null ? resolve(v as TxtReply) : reject(err))));
  }

  /** Every 100 ms: all queries in-thread below IN_THREAD_MAX_RATE queries/s, all on the worker above it. */
  #startRateChecks(): void {
    const check = () => {
      const now = performance.now();
      const rate = (this.#asked * 1000) / Math.max(1, now - this.#askedSince);
      this.#share = rate < IN_THREAD_MAX_RATE ? 1 : 0;
      this.#asked = 0;
      this.#askedSince = now;
    };
    check();
    this.#rateTimer = setInterval(check, 100);
    this.#rateTimer.unref();
  }

  /** Whether this query goes to the in-thread client: before the worker is ready, after it failed, else a share. */
  #inThread(): boolean {
    if (this.#usingLocal) return true;
    if (this.#closed) return false;
    if (!this.#ready) return true;
    if (this.#share === 0) return false;
    this.#credit += this.#share;
    if (this.#credit < 1) return false;
    this.#credit -= 1;
    return true;
  }

  #query(type: 0 | 1, name: string, signal: AbortSignal | undefined, done: Pending['done']): void {
    if (this.#closed) return done(new Error('DNS client is closed'));
    if (signal?.aborted) return done(signal.reason);
    const id = this.#nextId++;
    this.#pending.set(id, { type, name, signal, done });
    if (signal) this.#join(signal);
    this.#out.push(id, type, name);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flush);
    }
  }

  #flush = (): void => {
    this.#scheduled = false;
    const q = this.#out;
    this.#out = [];
    if (q.length === 0 || !this.#worker) return;
    if (!this.#reffed) {
      this.#reffed = true;
      this.#worker.ref();
    }
    this.#worker.postMessage({ q });
  };

  #onResults(msg: { r: number[]; x: unknown[]; s: number[] }): void {
    const [sent, retries, timeouts, tcpFallbacks] = msg.s;
    this.#workerStats = { sent, retries, timeouts, tcpFallbacks };
    const { r, x } = msg;
    let next = 0;
    for (let i = 0; i < r.length; i += 2) {
      const data = next < x.length && x[next] === i ? x[next + 1] : null;
      if (data !== null) next += 2;
      const p = this.#pending.get(r[i]);
      if (!p) continue;
      this.answeredByWorker++;
      this.#pending.delete(r[i]);
      if (p.signal) this.#leave(p.signal);
      const outcome = outcomeOf(r[i + 1], data);
      if (p.type === 0) p.done(null, outcome);
      else {
        const t = data as { texts?: string[]; tcp?: boolean } | null;
        const texts = t?.texts ?? [];
        p.done(null, t?.tcp ? { outcome, texts, tcp: true } : { outcome, texts });
      }
    }
    if (this.#pending.size === 0 && this.#reffed && this.#worker) {
      this.#reffed = false;
      this.#worker.unref();
    }
  }

  /** The worker failed: its queries (and every later one) go to the in-thread client. */
  #toLocal(): void {
    if (this.#usingLocal) return;
    this.#usingLocal = true;
    if (this.#rateTimer) clearInterval(this.#rateTimer);
    this.#onStarted(false);
    const worker = this.#worker;
    this.#worker = null;
    if (worker) void worker.terminate();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    this.#out = [];
    for (const p of pending) {
      if (p.signal) this.#leave(p.signal);
      if (p.type === 0) this.#local.lookupA!(p.name, p.done, p.signal);
      else this.#local.resolveTxt(p.name, p.signal ? { signal: p.signal } : undefined).then((v) => p.done(null, v), p.done);
    }
  }

  #join(signal: AbortSignal): void {
    const g = this.#groups.get(signal);
    if (g) {
      g.n++;
      return;
    }
    const onAbort = () => {
      this.#groups.delete(signal);
      for (const [id, p] of this.#pending) {
        if (p.signal !== signal) continue;
        this.#pending.delete(id);
        p.done(signal.reason);
      }
    };
    this.#groups.set(signal, { n: 1, onAbort });
    signal.addEventListener('abort', onAbort, { once: true });
  }

  #leave(signal: AbortSignal): void {
    const g = this.#groups.get(signal);
    if (!g || --g.n > 0) return;
    this.#groups.delete(signal);
    signal.removeEventListener('abort', g.onAbort);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#onStarted(false);
    if (this.#rateTimer) clearInterval(this.#rateTimer);
    const closed = new Error('DNS client is closed');
    for (const p of this.#pending.values()) {
      if (p.signal) this.#leave(p.signal);
      p.done(closed);
    }
    this.#pending.clear();
    const worker = this.#worker;
    this.#worker = null;
    if (worker) {
      worker.ref();
      worker.postMessage({ close: true });
      await this.#exited;
    }
    await this.#local.close();
  }
}
