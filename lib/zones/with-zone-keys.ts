import type { runSweep } from '../dnsbl/run-sweep.ts';
import { applyZoneKeys } from './apply-zone-keys.ts';

/**
 * Wrap the sweep engine so keyed zones (Spamhaus DQS, Abusix) are queried under their account key
 * (`<key>.<zone>`, see applyZoneKeys), test points included, while everything the engine hands back — results,
 * budget takes, confirmation questions, zone health, resolver reasons — names the catalog zone and never the key.
 * `keys`: account keys by catalog zone name (readZoneKeys). With no keys the engine is returned as it is.
 */
export function withZoneKeys(params: { runSweep: typeof runSweep; keys: ReadonlyMap<string, string> }): typeof runSweep {
  const engine = params.runSweep;
  if (params.keys.size === 0) return engine;
  return async (p) => {
    const { zones, catalogName, scrub } = applyZoneKeys({ definitions: p.zones, keys: params.keys });
    const back = <R extends { zone: string; detail?: string }>(r: R): R => ({
      ...r,
      zone: catalogName(r.zone),
      ...(r.detail !== undefined ? { detail: scrub(r.detail) } : {}),
    });
    const summary = await engine({
      ...p,
      zones,
      ...(p.budget ? { budget: { take: (zone: string, n: number) => p.budget!.take(catalogName(zone), n) } } : {}),
      ...(p.needsConfirmation ? { needsConfirmation: (r) => p.needsConfirmation!(back(r)) } : {}),
      onResult: (r) => p.onResult(back(r)),
    });
    return {
      ...summary,
      zoneHealth: summary.zoneHealth.map((h) => ({
        ...h,
        zone: catalogName(h.zone),
        ...(h.reason !== undefined ? { reason: scrub(h.reason) } : {}),
      })),
      resolver: { ...summary.resolver, ...(summary.resolver.reason !== undefined ? { reason: scrub(summary.resolver.reason) } : {}) },
    };
  };
}
