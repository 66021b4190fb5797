import { test, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { startRbldnsd } from '../../helpers/rbldnsd.ts';
import type { Rbldnsd } from '../../helpers/rbldnsd.ts';
import { ZEN_DATA, DBL_DATA } from './rbldnsd-data.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/inboxwatch.js');
let rbl: Rbldnsd;

beforeAll(async () => {
  rbl = await startRbldnsd({
    zones: [
      { zone: 'zen.spamhaus.org', type: 'ip4set', data: ZEN_DATA },
      { zone: 'dbl.spamhaus.org', type: 'dnset', data: DBL_DATA },
    ],
  });
});
afterAll(async () => {
  await rbl?.stop();
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 30_000, env: { ...process.env, DNSBL_RESOLVER: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

test('check --json prints one object per (target, zone) with the API words, exit 0 even when listed', async () => {
  const r = await run(['check', '192.0.2.4', '192.0.2.200', '198.51.100.7', 'bad.example', '--json', '--resolver', rbl.server,
    '--zone', 'zen.spamhaus.org', '--zone', 'dbl.spamhaus.org']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([
    {
      target: '192.0.2.4', zone: 'zen.spamhaus.org', verdict: 'listed', codes: ['127.0.0.4'],
      meanings: ['Spamhaus XBL (CBL data): exploited or infected host (bot, proxy, malware)'], txt: 'XBL exploited host 192.0.2.4',
    },
    { target: '192.0.2.4', zone: 'dbl.spamhaus.org', verdict: 'not_applicable', codes: [], meanings: [] },
    {
      target: '192.0.2.200', zone: 'zen.spamhaus.org', verdict: 'error', reason: 'query_blocked', codes: ['127.255.255.254'],
      meanings: ['Query blocked: the query came through a public or open resolver; use your own recursive resolver or a DQS key'],
      txt: 'Error: open resolver; https://check.spamhaus.org/returnc/pub/192.0.2.200',
    },
    { target: '192.0.2.200', zone: 'dbl.spamhaus.org', verdict: 'not_applicable', codes: [], meanings: [] },
    { target: '198.51.100.7', zone: 'zen.spamhaus.org', verdict: 'not_listed', codes: [], meanings: [] },
    { target: '198.51.100.7', zone: 'dbl.spamhaus.org', verdict: 'not_applicable', codes: [], meanings: [] },
    { target: 'bad.example', zone: 'zen.spamhaus.org', verdict: 'not_applicable', codes: [], meanings: [] },
    { target: 'bad.example', zone: 'dbl.spamhaus.org', verdict: 'listed', codes: ['127.0.1.2'], meanings: ['Spamhaus DBL: spam domain'], txt: 'Spam domain bad.example' },
  ]);
});

test('check without --json prints listings, then errors, then the count line', async () => {
  const r = await run(['check', '192.0.2.0/29', '--resolver', rbl.server, '--zone', 'zen.spamhaus.org']);
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^TARGET\s+ZONE\s+LISTED\s+CODES\s+MEANING\s+TXT$/);
  expect(lines.slice(1, 4).map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
    ['192.0.2.1', 'zen.spamhaus.org', 'listed', '127.0.0.2'],
    ['192.0.2.4', 'zen.spamhaus.org', 'listed', '127.0.0.4'],
    ['192.0.2.5', 'zen.spamhaus.org', 'listed', '127.0.0.2,127.0.0.10'],
  ]);
  expect(lines.at(-1)).toBe('8 targets × 1 zone: 3 listed, 5 not listed, 0 errors, 0 not applicable');
});

test('bad input exits 2 with the reason on stderr and nothing on stdout', async () => {
  const bad = await run(['check', '300.1.1.1', '--json', '--resolver', rbl.server]);
  expect(bad.code).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toMatch(/^inboxwatch: .*300\.1\.1\.1/);
  const zone = await run(['check', '192.0.2.1', '--zone', 'zen.spamhuas.org', '--resolver', rbl.server]);
  expect(zone.code).toBe(2);
  expect(zone.stderr).toContain('Unknown zone "zen.spamhuas.org". Did you mean: zen.spamhaus.org');
  const range = await run(['check', '10.0.0.0/8', '--resolver', rbl.server]);
  expect(range.code).toBe(2);
  expect(range.stderr).toContain('/16');
  const resolver = await run(['check', '192.0.2.1', '--resolver', 'dns.example']);
  expect(resolver.code).toBe(2);
  expect(resolver.stderr).toContain('must be an IP address');
  const option = await run(['check', '192.0.2.1', '--bogus']);
  expect(option.code).toBe(2);
  expect(option.stderr).toContain("Unknown option '--bogus'");
});

test('a resolver that does not answer gives one warning naming it, not a zone_unhealthy row per zone', async () => {
  const dgram = await import('node:dgram');
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
  const port = sock.address().port;
  // Bound but never answering: every query times out.
  try {
    const r = await run(['check', '192.0.2.4', 'bad.example', '--resolver', `127.0.0.1:${port}`, '--timeout', '200',
      '--zone', 'zen.spamhaus.org', '--zone', 'dbl.spamhaus.org']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: resolver 127.0.0.1:${port} is not answering: every test point query of 2 zones timed out or was refused\n`);
    expect(r.stdout).not.toContain('zone_unhealthy');
    expect(r.stdout).toContain('2 targets × 2 zones: 0 listed, 0 not listed, 2 errors, 2 not applicable');
  } finally {
    sock.close();
  }
});
