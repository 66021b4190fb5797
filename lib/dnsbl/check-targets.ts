import type { CheckResult, ZoneDefinition } from './types.ts';
import { AppError } from '../errors.ts';
import { parseTarget } from './parse-target.ts';
import { targetAddresses, targetCount } from './expand-range.ts';
import { keyTypeOf } from './query-name.ts';
import { loadCatalog, zoneAppliesTo } from './zone-catalog.ts';
import { createDnsClient } from './dns-client.ts';
import type { DnsClient } from './dns-client.ts';
import { runSweep } from './run-sweep.ts';
import type { SweepSummary, SweepTarget } from './run-sweep.ts';
import { selectZones } from './select-zones.ts';

/**
 * A one-off check (the `inboxwatch check` command): parses `inputs` (IPs, IPv4 ranges up to /16, domains), picks
 * zones (`zoneNames`, else the catalog's active zones enabled by default; see selectZones) and sweeps every
 * (address, zone) pair through `servers` (`ip:port`), with zone health from the test points. No confirmation
 * re-query: a one-off check stores nothing. Results come back in input order, then zone order.
 * `timeoutMs` (default 2000) and `tries` (default 2) are per query; `client` and `catalog` are injectable.
 * `onSummary` receives the sweep summary (zone and resolver health).
 * @throws AppError `invalid_input` / `range_too_large` for a bad target, an unknown or unusable zone name, or a
 *   resolver that is not an IP address.
 */
export async function checkTargets(params: {
  inputs: string[];
  zoneNames?: string[];
  servers: string[];
  timeoutMs?: number;
  tries?: number;
  concurrency?: number;
  zoneConcurrency?: number;
  catalog?: ZoneDefinition[];
  client?: DnsClient;
  onSummary?: (summary: SweepSummary) => void;
  signal?: AbortSignal;
}): Promise<CheckResult[]> {
  if (params.inputs.length === 0) throw new AppError('invalid_input', 'Give at least one IP address, range or domain to check.');
  const targets = params.inputs.map((input) => parseTarget(input));
  const zones = selectZones({ catalog: params.catalog ?? loadCatalog(), names: params.zoneNames });
  const client = params.client ?? createDnsClient({ servers: params.servers, timeoutMs: params.timeoutMs, tries: params.tries });
  const zoneOrder = new Map(zones.map((z, i) => [z.zone, i]));
  const collected: { seq: number; result: CheckResult }[] = [];

  function* sweepTargets(): Generator<SweepTarget> {
    let seq = 0;
    for (const target of targets) {
      for (const value of targetAddresses(target)) yield { value, keyType: keyTypeOf(value), key: String(seq++) };
    }
  }
  const expectedQueries = targets.reduce(
    (sum, t) => sum + targetCount(t) * zones.filter((z) => zoneAppliesTo(z, keyTypeOf(t.kind === 'range' ? t.network : t.value))).length,
    0,
  );
  try {
    const summary = await runSweep({
      targets: sweepTargets(),
      zones,
      client,
      concurrency: params.concurrency,
      zoneConcurrency: params.zoneConcurrency,
      needsConfirmation: () => false,
      expectedQueries,
      signal: params.signal,
      onResult: (r) => {
        const { key, confirmed: _confirmed, ...result } = r;
        collected.push({ seq: Number(key), result });
      },
    });
    params.onSummary?.(summary);
  } finally {
    if (!params.client) await client.close();
  }
  collected.sort((a, b) => a.seq - b.seq || (zoneOrder.get(a.result.zone) ?? 0) - (zoneOrder.get(b.result.zone) ?? 0));
  return collected.map((c) => c.result);
}
