import { parseArgs } from 'node:util';
import { isAppError } from '../errors.ts';
import { env } from '../env.ts';
import { resolverServers } from '../dnsbl/resolver-servers.ts';
import { checkTargets } from '../dnsbl/check-targets.ts';
import type { SweepSummary } from '../dnsbl/run-sweep.ts';
import { formatCheckJson, formatCheckTable } from './format-check.ts';

const USAGE = `Usage: inboxwatch check <ip|range|domain>... [--zone ZONE ...] [--resolver HOST:PORT] [--json] [--timeout MS]

Checks IPv4/IPv6 addresses, IPv4 ranges (CIDR, up to /16) and domains against DNS blocklists.
  --zone ZONE         query this catalog zone (repeatable; default: the zones enabled by default)
  --resolver HOST:PORT  DNS resolver to ask (repeatable or comma-separated; default: DNSBL_RESOLVER or the system's)
  --json              print a JSON array, one object per (target, zone)
  --timeout MS        per-query timeout in milliseconds (default: DNSBL_TIMEOUT_MS, 2000)
Exit status: 0 when the check ran (listed or not), 2 on bad input, 1 on an unexpected failure.`;

/** Where the CLI writes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/**
 * The `inboxwatch` command line. `argv` excludes node and the script (process.argv.slice(2)).
 * Resolves the exit status: 0 when it ran (even with listings), 2 on bad input (message on stderr), 1 on an
 * unexpected failure. Never throws.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command !== 'check') return usageError(io, `Unknown command "${command}".`);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: {
          zone: { type: 'string', multiple: true, short: 'z' },
          resolver: { type: 'string', multiple: true, short: 'r' },
          json: { type: 'boolean', default: false },
          timeout: { type: 'string', short: 't' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (err) {
      return usageError(io, (err as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length === 0) return usageError(io, 'Give at least one IP address, range or domain to check.');
    let timeoutMs: number | undefined;
    if (values.timeout !== undefined) {
      timeoutMs = Number(values.timeout);
      if (!/^\d+$/.test(values.timeout) || timeoutMs < 1 || timeoutMs > 60000) {
        return usageError(io, `--timeout must be a number of milliseconds between 1 and 60000, not "${values.timeout}".`);
      }
    }
    const config = env();
    const servers = resolverServers(values.resolver?.join(',') ?? config.DNSBL_RESOLVER);
    let summary: SweepSummary | undefined;
    const results = await checkTargets({
      inputs: positionals,
      zoneNames: values.zone,
      servers,
      timeoutMs: timeoutMs ?? config.DNSBL_TIMEOUT_MS,
      tries: config.DNSBL_TRIES,
      concurrency: config.DNSBL_CONCURRENCY,
      zoneConcurrency: config.DNSBL_ZONE_CONCURRENCY,
      onSummary: (s) => (summary = s),
    });
    // A silent resolver makes every zone fail its test points: one warning says so instead of a zone_unhealthy row per zone.
    const unreachable = summary?.resolver.status === 'unreachable';
    if (values.json) io.stdout(formatCheckJson(results));
    else io.stdout(formatCheckTable({ results, targets: positionals.length, ...(unreachable ? { omitReasons: ['zone_unhealthy'] } : {}) }));
    if (unreachable) io.stderr(`warning: ${summary!.resolver.reason}\n`);
    else if (summary && summary.resolver.status !== 'ok') io.stderr(`warning: resolver ${summary.resolver.status}: ${summary.resolver.reason}\n`);
    else if (summary?.resolver.isPublic) io.stderr(`warning: ${servers.join(', ')} is a public resolver; DNSBL operators refuse them\n`);
    return 0;
  } catch (err) {
    if (isAppError(err)) {
      io.stderr(`inboxwatch: ${err.message}\n`);
      return 2;
    }
    io.stderr(`inboxwatch: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`inboxwatch: ${message}\n\n${USAGE}\n`);
  return 2;
}
