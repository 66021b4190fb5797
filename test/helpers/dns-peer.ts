import dgram from 'node:dgram';
import net from 'node:net';
import packet from 'dns-packet';
import type { Answer, Packet } from 'dns-packet';

/** What the peer answers for one question. Default (no rule): NXDOMAIN. */
export interface PeerRule {
  /** Response code: NOERROR (the default when records are given), NXDOMAIN, SERVFAIL, REFUSED, NOTIMP … */
  rcode?: string;
  /** A records for the asked name (NOERROR). `a: []` with NOERROR is NODATA. */
  a?: string[];
  /** TXT records, each a list of character-strings. */
  txt?: string[][];
  /** A CNAME from the asked name to this target, followed by `a` records owned by the target. */
  cname?: string;
  /** Answer after this many ms. */
  delayMs?: number;
  /** Never answer. */
  drop?: boolean;
  /** Over UDP: answer with the TC bit and no records; over TCP: the full answer. */
  truncate?: boolean;
  /** Send the reply with this id instead of the query's (a spoofed or stray reply). */
  wrongId?: boolean;
}

export interface SeenQuery {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

export interface DnsPeer {
  /** `127.0.0.1:port` or `[::1]:port`. */
  server: string;
  port: number;
  queries: SeenQuery[];
  stop(): Promise<void>;
}

const RCODES: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

function respond(query: Packet, rule: PeerRule, transport: 'udp' | 'tcp'): Packet {
  const q = query.questions![0];
  const answers: Answer[] = [];
  const truncated = rule.truncate === true && transport === 'udp';
  if (!truncated) {
    const owner = rule.cname ?? q.name;
    if (rule.cname) answers.push({ type: 'CNAME', name: q.name, ttl: 60, data: rule.cname });
    if (q.type === 'A') for (const a of rule.a ?? []) answers.push({ type: 'A', name: owner, ttl: 60, data: a });
    if (q.type === 'TXT') for (const t of rule.txt ?? []) answers.push({ type: 'TXT', name: owner, ttl: 60, data: t });
  }
  const hasRecords = rule.a !== undefined || rule.txt !== undefined || rule.cname !== undefined;
  const rcode = rule.rcode ?? (hasRecords ? 'NOERROR' : 'NXDOMAIN');
  const rcodeNum = RCODES[rcode];
  if (rcodeNum === undefined) throw new Error(`dns-peer: unknown rcode ${rcode}`);
  const flags = packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (truncated ? packet.TRUNCATED_RESPONSE : 0) | rcodeNum;
  return { id: rule.wrongId ? (query.id! + 1) & 0xffff : query.id, type: 'response', flags, questions: [q], answers };
}

/**
 * Starts a small DNS server on loopback (UDP and TCP on the same free port) that answers every question with
 * `handle(name, type)` and records what it saw in `queries`. Names arrive lower-cased, without a trailing dot.
 */
export async function startDnsPeer(params: {
  handle: (name: string, type: string) => PeerRule | undefined;
  family?: 4 | 6;
}): Promise<DnsPeer> {
  const family = params.family ?? 4;
  const host = family === 6 ? '::1' : '127.0.0.1';
  const queries: SeenQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number | undefined, fn: () => void) => {
    if (!ms) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const answer = (msg: Buffer, transport: 'udp' | 'tcp', send: (reply: Packet) => void) => {
    const query = packet.decode(msg);
    const q = query.questions?.[0];
    if (!q) return;
    const name = q.name.toLowerCase();
    queries.push({ name, type: q.type, transport });
    const rule = params.handle(name, q.type) ?? {};
    if (rule.drop) return;
    later(rule.delayMs, () => send(respond(query, rule, transport)));
  };

  const udp = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  udp.on('message', (msg, rinfo) => {
    answer(msg, 'udp', (reply) => udp.send(packet.encode(reply), rinfo.port, rinfo.address));
  });
  await new Promise<void>((res) => udp.bind(0, host, () => res()));
  const port = udp.address().port;

  const conns = new Set<net.Socket>();
  const tcp = net.createServer((sock) => {
    conns.add(sock);
    sock.on('close', () => conns.delete(sock));
    sock.on('error', () => {});
    let buf = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const msg = buf.subarray(2, 2 + len);
        buf = buf.subarray(2 + len);
        answer(msg, 'tcp', (reply) => sock.write(packet.streamEncode(reply)));
      }
    });
  });
  await new Promise<void>((res, rej) => {
    tcp.once('error', rej);
    tcp.listen(port, host, () => res());
  });

  return {
    server: family === 6 ? `[::1]:${port}` : `127.0.0.1:${port}`,
    port,
    queries,
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const c of conns) c.destroy();
      await new Promise<void>((res) => udp.close(() => res()));
      await new Promise<void>((res) => tcp.close(() => res()));
    },
  };
}
