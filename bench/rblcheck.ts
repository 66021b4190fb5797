import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Debian's rblcheck binary (package `rblcheck`). */
export const RBLCHECK = '/usr/bin/rblcheck';

/** What one rblcheck run did: wall-clock seconds, CPU ms (user + system), listed pairs it printed, peak RSS (GNU time). */
export interface RblcheckRun {
  seconds: number;
  cpuMs: number;
  listed: { address: string; zone: string }[];
  maxRssMb: number;
}

/**
 * Runs `rblcheck -c -s <zone>… -` on `addresses` (fed on stdin, checked one query at a time as rblcheck does)
 * in a private mount namespace whose /etc/resolv.conf is bind-mounted to a file naming `nameserver` (port 53
 * only: glibc's resolver has no port setting). The host's resolv.conf is never touched. Timed around the whole
 * process with GNU time (`/usr/bin/time`), which also gives its peak RSS.
 * @throws Error with rblcheck's stderr when it fails to run (e.g. unshare not permitted).
 */
export async function runRblcheck(params: { nameserver: string; zones: string[]; addresses: string[]; dir: string }): Promise<RblcheckRun> {
  const conf = path.join(params.dir, `resolv-${params.nameserver}.conf`);
  fs.writeFileSync(conf, `nameserver ${params.nameserver}\noptions timeout:2 attempts:2\n`);
  const args = ['-m', 'sh', '-c', 'mount --bind "$0" /etc/resolv.conf && exec /usr/bin/time -f "%M %U %S" "$@"', conf, RBLCHECK, '-c'];
  for (const z of params.zones) args.push('-s', z);
  args.push('-');
  const child = spawn('unshare', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    child.on('close', (c) => resolve(c));
    child.stdin.end(`${params.addresses.join('\n')}\n`);
  });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(err);
  if (!rss) throw new Error(`rblcheck failed (exit ${code}): ${err.trim()}`);
  const listed: RblcheckRun['listed'] = [];
  for (const line of out.split('\n')) {
    const m = /^(\S+) listed by (\S+)$/.exec(line);
    if (m) listed.push({ address: m[1], zone: m[2] });
  }
  return { seconds, cpuMs: (Number(rss[2]) + Number(rss[3])) * 1000, listed, maxRssMb: Number(rss[1]) / 1024 };
}
