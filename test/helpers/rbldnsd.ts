import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import packet from 'dns-packet';

/** One zone served by rbldnsd: its name, dataset type and the dataset file's text. */
export interface RbldnsdZone {
  zone: string;
  type: 'ip4set' | 'ip4trie' | 'ip4tset' | 'ip6trie' | 'ip6tset' | 'dnset' | 'generic' | 'acl';
  data: string;
}

export interface Rbldnsd {
  /** `127.0.0.1:port` for DNSBL_RESOLVER / createDnsClient. */
  server: string;
  port: number;
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

export const RBLDNSD = '/usr/sbin/rbldnsd';

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((res) => s.bind(0, '127.0.0.1', () => res()));
  const port = s.address().port;
  await new Promise<void>((res) => s.close(() => res()));
  return port;
}

/** One A question to the server; true when any reply (any rcode) arrives within `timeoutMs`. */
async function answers(port: number, name: string, timeoutMs: number): Promise<boolean> {
  const s = dgram.createSocket('udp4');
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      s.on('message', () => {
        clearTimeout(timer);
        resolve(true);
      });
      s.on('error', () => {});
      s.send(packet.encode({ id: 1, type: 'query', questions: [{ name, type: 'A' }] }), port, '127.0.0.1');
    });
  } finally {
    s.close();
  }
}

/**
 * Starts Debian's rbldnsd in the foreground (`-n`) on a free 127.0.0.1 UDP port with `zones` written into a temp
 * directory. rbldnsd refuses to run as root, so it runs as `nobody` (the directory is made readable). Resolves once
 * it answers a query (bounded: 5 s), rejects with its stderr if it exits or never answers. `stop()` kills it by PID.
 */
export async function startRbldnsd(params: { zones: RbldnsdZone[] }): Promise<Rbldnsd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbldnsd-'));
  fs.chmodSync(dir, 0o755);
  const args: string[] = [];
  params.zones.forEach((z, i) => {
    const file = `z${i}.${z.type}`;
    fs.writeFileSync(path.join(dir, file), z.data.endsWith('\n') ? z.data : `${z.data}\n`, { mode: 0o644 });
    args.push(`${z.zone}:${z.type}:${file}`);
  });
  for (let attempt = 0; ; attempt++) {
    const port = await freeUdpPort();
    const child: ChildProcess = spawn(RBLDNSD, ['-n', '-q', '-u', 'nobody', '-w', dir, '-b', `127.0.0.1/${port}`, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited = false;
    child.on('exit', () => (exited = true));
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline) {
      if (await answers(port, `probe.${params.zones[0].zone}`, 100)) {
        return {
          server: `127.0.0.1:${port}`,
          port,
          pid: child.pid as number,
          dir,
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
    if (attempt >= 2 || !/bind|address already in use/i.test(stderr)) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`rbldnsd did not start: ${stderr.trim() || 'no answer within 5 s'}`);
    }
  }
}
