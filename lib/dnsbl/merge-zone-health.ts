import type { ZoneHealth } from './types.ts';
import type { ZoneKeyHealth } from './check-zone-health.ts';

/**
 * One ZoneHealth per zone from its per-key-type health checks of a sweep: healthy only when every key type probed
 * was healthy; the reasons are joined with `; ` (prefixed with the key type when the zone was probed for several);
 * `outsideLoopback` / `positiveFailed` when any part had them, `noAnswer` when every part had it. Zones keep their first-seen order.
 */
export function mergeZoneHealth(params: { parts: ZoneKeyHealth[]; checkedAt: Date }): ZoneHealth[] {
  const byZone = new Map<string, ZoneKeyHealth[]>();
  for (const p of params.parts) {
    const list = byZone.get(p.zone);
    if (list) list.push(p);
    else byZone.set(p.zone, [p]);
  }
  return [...byZone].map(([zone, parts]) => {
    const failed = parts.filter((p) => !p.healthy);
    const health: ZoneHealth = { zone, healthy: failed.length === 0, checkedAt: params.checkedAt };
    if (failed.length > 0) {
      health.reason = failed.map((p) => (parts.length > 1 ? `${p.keyType}: ${p.reason}` : p.reason)).join('; ');
    }
    if (parts.some((p) => p.outsideLoopback)) health.outsideLoopback = true;
    if (parts.some((p) => p.positiveFailed)) health.positiveFailed = true;
    if (parts.every((p) => p.noAnswer)) health.noAnswer = true;
    return health;
  });
}
