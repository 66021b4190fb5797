import dgram from 'node:dgram';
import { randomFillSync } from 'node:crypto';
import packet from 'dns-packet';
import ipaddr from 'ipaddr.js';
import type { DnsOutcome } from './types.ts';
import { parseServer, formatServer } from './resolver-servers.ts';
import type { ServerAddress } from './resolver-servers.ts';
import { exchangeTcp } from './dns-tcp-exchange.ts';
import { encodeQuery } from './encode-query.ts';
import { ERROR_OUTCOMES, errorReplyRcode } from './decode-error-reply.ts';
import { lowerName, replyOutcome } from './reply-outcome.ts';
import type { DecodedReply } from './reply-outcome.ts';

/**
 * A DNS stub client for DNSBL lookups. Methods never reject for DNS outcomes (NXDOMAIN, SERVFAIL, timeout …);
 * they reject only when the caller's AbortSignal fires (with the signal's reason, an AbortError by default) or
 * when the client is closed while the query is in flight.
 */
export interface DnsClient {
  /** A lookup. `answer` carries the IPv4 addresses at the end of any CNAME chain. */
  resolveA(name: string, opts?: { signal?: AbortSignal }): Promise<DnsOutcome>;
  /**
   * The same A lookup without a promise, for a sweep's hot path: `done` is called exactly once, with the outcome,
   * or with the error `resolveA` would reject with. Optional: runSweep adapts `resolveA` when a client lacks it.
   */
  lookupA?(name: string, done: LookupDone, signal?: AbortSignal): void;
  /**
   * TXT lookup. `texts` has one string per TXT record, its character-strings concatenated (RFC 7208 §3.3 style).
   * `outcome.kind === 'answer'` has `addresses: []`. `tcp` is true when the UDP reply was truncated (TC bit) and the
   * answer came over TCP (RFC 7766 §4.1 length-prefixed).
   */
  resolveTxt(name: string, opts?: { signal?: AbortSignal }): Promise<{ outcome: DnsOutcome; texts: string[]; tcp?: boolean }>;
  /** The servers in order, as `ip:port` / `[v6]:port`. */
  readonly servers: string[];
  /** Fails queries still in flight, clears every timer and closes every socket. Idempotent. */
  close(): Promise<void>;
}

/** The callback of DnsClient.lookupA: `(null, outcome)` or `(error)`. */
export type LookupDone = (err: unknown, outcome?: DnsOutcome) => void;

/** Counters of what the client sent, for sweep summaries and benchmarks. */
export interface DnsClientStats {
  /** Datagrams sent (first tries and retries). */
  sent: number;
  retries: number;
  timeouts: number;
  /** Queries re-sent over TCP because the UDP reply had the TC bit. */
  tcpFallbacks: number;
}

type QType = 'A' | 'TXT';
type Decoded = DecodedReply;
/** A decoded reply; an error rcode taken from the header alone (errorReplyRcode); null for a timeout. */
type Reply = { packet: Decoded; tcp: boolean } | number | null;

interface Pending {
  id: number;
  name: string;
  type: QType;
  server: number;
  triesLeft: number;
  socket: Sock | null;
  /** performance.now() at which the current try times out. */
  deadline: number;
  signal: AbortSignal | undefined;
  /** The datagram last sent: its question section is what a reply must echo. */
  query: Buffer | null;
  /** Tries sent so far; a deadline FIFO entry is live only while it names the current try. */
  seq: number;
  /** True once the current try is answered, timed out or failed: its deadline FIFO entry is then dead. */
  over: boolean;
  done: (err: unknown, reply: Reply) => void;
}

interface Sock {
  udp: dgram.Socket;
  pending: Map<number, Pending>;
  /** Datagrams sent before connect() completed; flushed on 'connect'. Null once connected. */
  backlog: Buffer[] | null;
}

const ID_POOL = new Uint16Array(4096);
let idNext = ID_POOL.length;

/** A random 16-bit query id (RFC 5452 §4.3), drawn from a crypto-random pool refilled in bulk. */
function randomId(): number {
  if (idNext === ID_POOL.length) {
    randomFillSync(ID_POOL);
    idNext = 0;
  }
  return ID_POOL[idNext++];
}

function canonical(server: ServerAddress): ServerAddress {
  return server.family === 6 ? { ...server, address: ipaddr.IPv6.parse(server.address).toRFC5952String() } : server;
}

/** The timeout outcome, shared (never mutated by callers); error rcodes share theirs (ERROR_OUTCOMES). */
const TIMEOUT: DnsOutcome = Object.freeze({ kind: 'timeout' });

/**
 * UDP stub client: a small pool of sockets per address family, bound to OS-chosen random ephemeral ports.
 * Timeouts use one timer for the whole client: every try has the same timeout, so the tries in flight time out in
 * the order they were sent, and a FIFO of deadlines replaces a timer per query.
 */
class UdpDnsClient implements DnsClient {
  readonly servers: string[];
  readonly stats: DnsClientStats = { sent: 0, retries: 0, timeouts: 0, tcpFallbacks: 0 };
  #addrs: ServerAddress[];
  #timeoutMs: number;
  #tries: number;
  #poolSize: number;
  /** Per server: sockets connected to it (the kernel then drops datagrams from any other source). */
  #pools: Sock[][];
  #rr = 0;
  /** Tries in flight, oldest first, each with the `seq` of its try; `#head` is the first not yet popped. */
  #fifo: Pending[] = [];
  #fifoSeq: number[] = [];
  #head = 0;
  #timer: NodeJS.Timeout | null = null;
  /** Per abort signal: its listener and how many queries in flight carry it. */
  #signals = new Map<AbortSignal, { n: number; onAbort: () => void }>();
  #tcp = new Set<AbortController>();
  #closed = false;

  constructor(params: { servers: string[]; timeoutMs?: number; tries?: number; sockets?: number }) {
    this.#addrs = params.servers.map((s) => canonical(parseServer(s)));
    this.servers = this.#addrs.map(formatServer);
    this.#timeoutMs = params.timeoutMs ?? 2000;
    this.#tries = Math.max(1, params.tries ?? 2);
    this.#poolSize = Math.max(1, params.sockets ?? 4);
    this.#pools = this.#addrs.map(() => []);
  }

  resolveA(name: string, opts?: { signal?: AbortSignal }): Promise<DnsOutcome> {
    return new Promise((resolve, reject) => this.lookupA(name, (err, o) => (err === null ? resolve(o as DnsOutcome) : reject(err)), opts?.signal));
  }

  lookupA(name: string, done: LookupDone, signal?: AbortSignal): void {
    this.#query(name, 'A', signal, (err, reply) => {
      if (err !== null) done(err);
      else if (reply === null) done(null, TIMEOUT);
      else if (typeof reply === 'number') done(null, ERROR_OUTCOMES[reply]);
      else done(null, replyOutcome(reply.packet, name, 'A').outcome);
    });
  }

  resolveTxt(name: string, opts?: { signal?: AbortSignal }): Promise<{ outcome: DnsOutcome; texts: string[]; tcp?: boolean }> {
    return new Promise((resolve, reject) =>
      this.#query(name, 'TXT', opts?.signal, (err, reply) => {
        if (err !== null) return reject(err);
        if (reply === null) return resolve({ outcome: TIMEOUT, texts: [] });
        if (typeof reply === 'number') return resolve({ outcome: ERROR_OUTCOMES[reply], texts: [] });
        const { outcome, texts } = replyOutcome(reply.packet, name, 'TXT');
        resolve(reply.tcp ? { outcome, texts, tcp: true } : { outcome, texts });
      }),
    );
  }

  #query(name: string, type: QType, signal: AbortSignal | undefined, done: Pending['done']): void {
    if (this.#closed) return done(new Error('DNS client is closed'), null);
    if (signal?.aborted) return done(signal.reason, null);
    if (this.#addrs.length === 0) return done(null, null);
    const q: Pending = {
      id: 0, name: lowerName(name), type, server: 0, triesLeft: this.#tries, socket: null, deadline: 0, signal, query: null, seq: 0, over: false, done,
    };
    if (signal) this.#watch(signal);
    this.#send(q);
  }

  #send(q: Pending): void {
    const sock = this.#socket(q.server);
    let id = randomId();
    while (sock.pending.has(id)) id = randomId();
    q.id = id;
    q.socket = sock;
    q.triesLeft--;
    sock.pending.set(id, q);
    const buf = encodeQuery({ id, name: q.name, type: q.type });
    q.query = buf;
    this.stats.sent++;
    if (sock.backlog) sock.backlog.push(buf);
    else sock.udp.send(buf);
    q.deadline = performance.now() + this.#timeoutMs;
    q.over = false;
    this.#fifo.push(q);
    this.#fifoSeq.push(++q.seq);
    if (this.#timer === null) this.#arm(q.deadline);
  }

  #arm(at: number): void {
    this.#timer = setTimeout(this.#onTimer, Math.max(1, Math.ceil(at - performance.now())));
  }

  /** The client's one timer: times out every try past its deadline, then re-arms for the oldest left. */
  #onTimer = (): void => {
    this.#timer = null;
    const now = performance.now();
    while (this.#head < this.#fifo.length) {
      const q = this.#fifo[this.#head];
      const live = !q.over && q.seq === this.#fifoSeq[this.#head];
      if (live && q.deadline > now) break;
      this.#head++;
      if (live) this.#onTimeout(q);
    }
    this.#compact();
    if (this.#head < this.#fifo.length && this.#timer === null) this.#arm(this.#fifo[this.#head].deadline);
  };

  /** Drops settled tries from the front of the deadline FIFO, and the consumed part of the array when large. */
  #compact(): void {
    const fifo = this.#fifo;
    while (this.#head < fifo.length && (fifo[this.#head].over || fifo[this.#head].seq !== this.#fifoSeq[this.#head])) this.#head++;
    if (this.#head === fifo.length) {
      this.#fifo = [];
      this.#fifoSeq = [];
      this.#head = 0;
    } else if (this.#head > 4096 && this.#head * 2 > fifo.length) {
      this.#fifo = fifo.slice(this.#head);
      this.#fifoSeq = this.#fifoSeq.slice(this.#head);
      this.#head = 0;
    }
  }

  #socket(index: number): Sock {
    const pool = this.#pools[index];
    if (pool.length < this.#poolSize) {
      const server = this.#addrs[index];
      const udp = dgram.createSocket(server.family === 6 ? 'udp6' : 'udp4');
      const sock: Sock = { udp, pending: new Map(), backlog: [] };
      udp.on('message', (msg, rinfo) => this.#onMessage(sock, msg, rinfo));
      udp.on('error', () => {});
      udp.connect(server.port, server.address, () => {
        const queued = sock.backlog ?? [];
        sock.backlog = null;
        for (const b of queued) udp.send(b);
      });
      udp.unref();
      pool.push(sock);
      return sock;
    }
    this.#rr = (this.#rr + 1) % pool.length;
    return pool[this.#rr];
  }

  #onMessage(sock: Sock, msg: Buffer, rinfo: dgram.RemoteInfo): void {
    if (msg.length < 12) return;
    const q = sock.pending.get(msg.readUInt16BE(0));
    if (!q) return;
    const server = this.#addrs[q.server];
    if (rinfo.port !== server.port || rinfo.address !== server.address) return;
    const errorRcode = errorReplyRcode({ msg, query: q.query });
    if (errorRcode > 0) {
      this.#detach(q);
      if ((errorRcode === 2 || errorRcode === 5) && q.triesLeft > 0 && this.#addrs.length > 1) this.#retry(q);
      else this.#settle(q, errorRcode);
      return;
    }
    let reply: Decoded;
    try {
      reply = packet.decode(msg);
    } catch {
      return;
    }
    const question = reply.questions?.[0];
    if (reply.type !== 'response' || !question || question.type !== q.type || lowerName(question.name) !== q.name) return;
    this.#detach(q);
    if (reply.flag_tc) {
      this.stats.tcpFallbacks++;
      this.#viaTcp(q, reply);
      return;
    }
    const rcode = reply.rcode;
    if ((rcode === 'SERVFAIL' || rcode === 'REFUSED') && q.triesLeft > 0 && this.#addrs.length > 1) {
      this.#retry(q);
      return;
    }
    this.#settle(q, { packet: reply, tcp: false });
  }

  /** A try passed its deadline: retry on the next server while tries remain, else a timeout outcome. */
  #onTimeout(q: Pending): void {
    this.#detach(q);
    this.stats.timeouts++;
    if (q.triesLeft > 0) this.#retry(q);
    else this.#settle(q, null);
  }

  #retry(q: Pending): void {
    this.stats.retries++;
    q.server = (q.server + 1) % this.#addrs.length;
    this.#send(q);
  }

  #viaTcp(q: Pending, truncated: Decoded): void {
    const ac = new AbortController();
    this.#tcp.add(ac);
    const server = this.#addrs[q.server];
    exchangeTcp({ server, name: q.name, type: q.type, timeoutMs: this.#timeoutMs, signal: ac.signal })
      .then((full) => this.#settle(q, { packet: full ?? truncated, tcp: full !== null }))
      .finally(() => this.#tcp.delete(ac));
  }

  /** Takes the try out of its socket's map and marks it over for the deadline FIFO. */
  #detach(q: Pending): void {
    q.over = true;
    if (q.socket && q.socket.pending.get(q.id) === q) q.socket.pending.delete(q.id);
    q.socket = null;
    q.query = null;
    if (this.#fifo[this.#head] === q) this.#compact();
  }

  #settle(q: Pending, reply: Reply): void {
    if (q.signal) this.#unwatch(q.signal);
    q.done(null, reply);
  }

  #fail(q: Pending, err: unknown): void {
    this.#detach(q);
    if (q.signal) this.#unwatch(q.signal);
    q.done(err, null);
  }

  #watch(signal: AbortSignal): void {
    const w = this.#signals.get(signal);
    if (w) {
      w.n++;
      return;
    }
    const onAbort = () => {
      this.#signals.delete(signal);
      for (const pool of this.#pools) {
        for (const sock of pool) {
          for (const p of [...sock.pending.values()]) if (p.signal === signal) this.#fail(p, signal.reason);
        }
      }
    };
    this.#signals.set(signal, { n: 1, onAbort });
    signal.addEventListener('abort', onAbort, { once: true });
  }

  #unwatch(signal: AbortSignal): void {
    const w = this.#signals.get(signal);
    if (!w || --w.n > 0) return;
    this.#signals.delete(signal);
    signal.removeEventListener('abort', w.onAbort);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const closed = new Error('DNS client is closed');
    for (const pool of this.#pools) {
      for (const sock of pool) {
        for (const q of [...sock.pending.values()]) this.#fail(q, closed);
      }
    }
    for (const ac of this.#tcp) ac.abort(closed);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#fifo = [];
    this.#fifoSeq = [];
    this.#head = 0;
    await Promise.all(
      this.#pools.flat().map((s) => new Promise<void>((res) => s.udp.close(() => res()))),
    );
    this.#pools = this.#addrs.map(() => []);
  }
}

/**
 * Creates a DNS stub client (UDP, TCP on truncation) sending to `servers` (`ip:port` / `[v6]:port`, tried in order).
 * `timeoutMs` (default 2000) is per try; `tries` (default 2) counts every send, each retry going to the next server.
 * `sockets` (default 4) is the number of UDP sockets per server, each connect()ed to it (so the kernel drops
 * datagrams from other sources) on an OS-chosen random ephemeral port. Each query gets a random 16-bit id and a
 * reply is accepted only from the server asked, with the same id, question name and type (RFC 5452 §9.1).
 * @throws AppError `invalid_input` when a server is not an IP address with an optional port.
 */
export function createDnsClient(params: { servers: string[]; timeoutMs?: number; tries?: number; sockets?: number }): DnsClient & { readonly stats: DnsClientStats } {
  return new UdpDnsClient(params);
}
