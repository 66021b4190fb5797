import dgram from 'node:dgram';

/** A running forwarder: where it listens and how to stop it. */
export interface DelayForwarder {
  /** `ip:port` it listens on. */
  server: string;
  address: string;
  port: number;
  /** Datagrams forwarded upstream and answers relayed back. */
  stats: { queries: number; answers: number };
  stop(): Promise<void>;
}

/**
 * A small UDP DNS forwarder that holds every answer for `delayMs` before relaying it, to emulate a network round
 * trip in front of a loopback server. Each query gets a fresh upstream id (the client's id is restored on the
 * way back, RFC 1035 §4.1.1), so clients on many sockets may reuse ids. Queries the upstream never answers are
 * forgotten after 10 s. Listens on `address` (default 127.0.0.1) and `port` (default 0: a free one).
 * @throws Error when the address cannot be bound (e.g. port 53 taken).
 */
export async function startDelayForwarder(params: {
  upstream: { address: string; port: number };
  delayMs: number;
  address?: string;
  port?: number;
}): Promise<DelayForwarder> {
  const { upstream, delayMs } = params;
  const front = dgram.createSocket('udp4');
  const back = dgram.createSocket('udp4');
  const waiting = new Map<number, { id: number; port: number; address: string; at: number }>();
  const stats = { queries: 0, answers: 0 };
  let nextId = 0;
  front.on('error', () => {});
  back.on('error', () => {});
  front.on('message', (msg, rinfo) => {
    if (msg.length < 12) return;
    let id = nextId;
    for (let i = 0; waiting.has(id) && i < 65536; i++) id = (id + 1) & 0xffff;
    nextId = (id + 1) & 0xffff;
    waiting.set(id, { id: msg.readUInt16BE(0), port: rinfo.port, address: rinfo.address, at: Date.now() });
    msg.writeUInt16BE(id, 0);
    stats.queries++;
    back.send(msg, upstream.port, upstream.address);
  });
  const relay = (msg: Buffer, to: { port: number; address: string }) => {
    front.send(msg, to.port, to.address);
    stats.answers++;
  };
  back.on('message', (msg) => {
    if (msg.length < 12) return;
    const id = msg.readUInt16BE(0);
    const client = waiting.get(id);
    if (!client) return;
    waiting.delete(id);
    msg.writeUInt16BE(client.id, 0);
    if (delayMs > 0) setTimeout(relay, delayMs, msg, client);
    else relay(msg, client);
  });
  const sweeper = setInterval(() => {
    const old = Date.now() - 10_000;
    for (const [id, c] of waiting) if (c.at < old) waiting.delete(id);
  }, 5000);
  sweeper.unref();
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.bind(params.port ?? 0, params.address ?? '127.0.0.1', () => {
      front.off('error', reject);
      resolve();
    });
  });
  await new Promise<void>((resolve) => back.bind(0, '127.0.0.1', () => resolve()));
  for (const s of [front, back]) {
    s.setRecvBufferSize(4 * 1024 * 1024);
    s.setSendBufferSize(4 * 1024 * 1024);
  }
  const { address, port } = front.address();
  return {
    server: `${address}:${port}`,
    address,
    port,
    stats,
    async stop() {
      clearInterval(sweeper);
      await Promise.all([front, back].map((s) => new Promise<void>((res) => s.close(() => res()))));
    },
  };
}
