import type { Zone } from '../generated/prisma/client.ts';
import type { KeyType, Polarity, ReturnCode, ZoneStatus } from '../dnsbl/types.ts';
import { readZoneDefinition } from './read-zone-definition.ts';
import { utcDay } from './zone-rules.ts';

/** One zone as `GET /api/zones` answers it (README "JSON API"). Times are Date (ISO strings once serialised). */
export interface ZoneView {
  zone: string;
  name: string;
  operator: string;
  keyTypes: KeyType[];
  polarity: Polarity;
  status: ZoneStatus;
  statusSince?: string;
  enabled: boolean;
  weight: number;
  /** Queries per UTC day; null = unlimited. */
  dailyBudget: number | null;
  /** Queries counted today (UTC); 0 when the stored counter is from an earlier day. */
  budgetUsed: number;
  health: 'healthy' | 'unhealthy' | 'unknown';
  healthReason?: string;
  healthCheckedAt?: Date;
  /** Consecutive sweeps failing the health check (BL-07). */
  failedSweeps: number;
  returnCodes: ReturnCode[];
  delistUrl?: string;
  /** Keyed zones only: whether an account key is stored (the key itself is never returned). */
  hasKey?: boolean;
}

/**
 * Shape a Zone row for the API; `now` decides whether the stored budget counter is today's; `hasKey` (keyed zones)
 * whether its account key is stored.
 */
export function toZoneView(row: Zone, now: Date, hasKey = false): ZoneView {
  const def = readZoneDefinition(row);
  return {
    zone: row.name,
    name: def.name,
    operator: def.operator,
    keyTypes: def.keyTypes,
    polarity: def.polarity,
    status: def.status,
    ...(def.statusSince ? { statusSince: def.statusSince } : {}),
    enabled: row.enabled,
    weight: row.weight,
    dailyBudget: row.dailyBudget,
    budgetUsed: row.budgetDay === utcDay(now) ? row.budgetUsed : 0,
    health: row.health as ZoneView['health'],
    ...(row.healthReason ? { healthReason: row.healthReason } : {}),
    ...(row.healthCheckedAt ? { healthCheckedAt: row.healthCheckedAt } : {}),
    failedSweeps: row.failedSweeps,
    returnCodes: def.returnCodes,
    ...(def.delistUrl ? { delistUrl: def.delistUrl } : {}),
    ...(def.status === 'keyed' ? { hasKey } : {}),
  };
}
