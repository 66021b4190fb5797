import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeQuery } from '../lib/dnsbl/encode-query.ts';
import { RBLDNSD } from '../test/helpers/rbldnsd.ts';
import type { BenchZone } from './zones.ts';
import { zoneData } from './zones.ts';

/** rbldnsd serving the bench zones on `127.0.0.1:port` and, when it could bind it, on `port53Address:53`. */
export interface BenchRbldnsd {
  server: string;
  port: number;
  pid: number;
  /** The loopback address on which rbldnsd also answers on port 53 (for rblcheck's resolv.conf), or null. */
  port53Address: string | null;
  stop(): Promise<void>;
}

function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  return new Promise((res) =>
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    }),
  );
}

/** Whether `address:port` answers an A question within `timeoutMs`. */
export function answers(address: string, port: number, name: string, timeoutMs: number): Promise<boolean> {
  const s = dgram.createSocket('udp4');
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      s.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    s.on('message', () => done(true));
    s.on('error', () => done(false));
    s.send(encodeQuery({ id: 7, name, type: 'A' }), port, address);
  });
}

/** Whether `address:53` is free to bind (UDP). */
async function port53Free(address: string): Promise<boolean> {
  const s = dgram.createSocket('udp4');
  return new Promise((res) => {
    s.once('error', () => res(false));
    s.bind(53, address, () => s.close(() => res(true)));
  });
}

/**
 * Starts Debian's rbldnsd (`-n`, as `nobody`, data in a temp directory) with the generated bench zones, bound to a
 * free 127.0.0.1 port and, if free, to `port53Address:53` too. Resolves once it answers (bounded: 20 s, the
 * zones hold ~33,000 entries); rejects with its stderr otherwise.
 */
export async function startBenchRbldnsd(params: { zones: BenchZone[]; port53Address: string }): Promise<BenchRbldnsd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rbldnsd-'));
  fs.chmodSync(dir, 0o755);
  const specs = params.zones.map((z) => {
    const file = `${z.zone}.${z.type}`;
    fs.writeFileSync(path.join(dir, file), zoneData(z), { mode: 0o644 });
    return `${z.zone}:${z.type}:${file}`;
  });
  const port = await freeUdpPort();
  const with53 = await port53Free(params.port53Address);
  const binds = ['-b', `127.0.0.1/${port}`, ...(with53 ? ['-b', `${params.port53Address}/53`] : [])];
  const child = spawn(RBLDNSD, ['-n', '-q', '-u', 'nobody', '-w', dir, ...binds, ...specs], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 20_000;
  while (!exited && Date.now() < deadline) {
    if (await answers('127.0.0.1', port, `2.0.0.127.${params.zones[0].zone}`, 200)) {
      return {
        server: `127.0.0.1:${port}`,
        port,
        pid: child.pid as number,
        port53Address: with53 ? params.port53Address : null,
        async stop() {
          if (!exited) {
            const gone = new Promise<void>((res) => child.once('exit', () => res()));
            process.kill(child.pid as number, 'SIGTERM');
            await gone;
          }
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
  }
  if (!exited) process.kill(child.pid as number, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
  throw new Error(`rbldnsd did not start: ${stderr.trim() || 'no answer within 20 s'}`);
}
