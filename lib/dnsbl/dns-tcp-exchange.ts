import net from 'node:net';
import { randomInt } from 'node:crypto';
import packet from 'dns-packet';
import type { DecodedPacket } from 'dns-packet';
import type { ServerAddress } from './resolver-servers.ts';

/**
 * Sends one question over TCP with the 2-byte length prefix (RFC 1035 §4.2.2, RFC 7766) and reads one reply.
 * Used after a truncated (TC) UDP reply. Resolves the decoded reply, or `null` when the connection fails, times out
 * (`timeoutMs`), is aborted, or the reply does not match the question's id, name and type. Never rejects.
 */
export function exchangeTcp(params: {
  server: ServerAddress;
  name: string;
  type: 'A' | 'TXT';
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<DecodedPacket | null> {
  const { server, name, type, timeoutMs, signal } = params;
  const id = randomInt(0, 0x10000);
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(null);
      return;
    }
    const socket = net.connect({ host: server.address, port: server.port, family: server.family });
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (reply: DecodedPacket | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(reply);
    };
    const onAbort = () => finish(null);
    const timer = setTimeout(onAbort, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', onAbort);
    socket.on('close', onAbort);
    socket.on('connect', () => {
      socket.write(packet.streamEncode({ id, type: 'query', flags: packet.RECURSION_DESIRED, questions: [{ name, type }] }));
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 2 || buf.length < 2 + buf.readUInt16BE(0)) return;
      try {
        const reply = packet.streamDecode(buf) as DecodedPacket;
        const q = reply.questions?.[0];
        const ok = reply.id === id && q !== undefined && q.type === type && q.name.toLowerCase() === name;
        finish(ok ? reply : null);
      } catch {
        finish(null);
      }
    });
  });
}
