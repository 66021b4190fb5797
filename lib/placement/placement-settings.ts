import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';

/** Timing of placement tests, all in seconds. */
export interface PlacementSettings {
  /** How long after a send collection keeps looking before an unfound seed is `missing` (default 1800). */
  collectDeadlineSeconds: number;
  /** Time between two IMAP polls of a test still collecting (default 30). */
  pollIntervalSeconds: number;
  /** Time between two attempts of a deferred send (default 900, as an MTA's queue run). */
  retryIntervalSeconds: number;
  /** How long a deferred send is retried before it is given up (default 14400 = 4 hours). */
  giveUpSeconds: number;
}

/** Setting rows that override the environment (values are JSON numbers of seconds, integers ≥ 1). */
export const PLACEMENT_SETTING_KEYS = {
  collectDeadlineSeconds: 'placement.collectDeadlineSeconds',
  pollIntervalSeconds: 'placement.pollIntervalSeconds',
  retryIntervalSeconds: 'placement.retryIntervalSeconds',
  giveUpSeconds: 'placement.giveUpSeconds',
} as const satisfies Record<keyof PlacementSettings, string>;

/**
 * Current placement timing: PLACEMENT_COLLECT_DEADLINE_SECONDS, PLACEMENT_POLL_INTERVAL_SECONDS,
 * PLACEMENT_RETRY_INTERVAL_SECONDS and PLACEMENT_GIVE_UP_SECONDS, each overridden by its Setting row
 * (`placement.*`) when that row holds a positive integer. A malformed row is ignored (the environment wins).
 */
export async function placementSettings(params: { db?: PrismaClient } = {}): Promise<PlacementSettings> {
  const db = params.db ?? prisma;
  const e = env();
  const result: PlacementSettings = {
    collectDeadlineSeconds: e.PLACEMENT_COLLECT_DEADLINE_SECONDS,
    pollIntervalSeconds: e.PLACEMENT_POLL_INTERVAL_SECONDS,
    retryIntervalSeconds: e.PLACEMENT_RETRY_INTERVAL_SECONDS,
    giveUpSeconds: e.PLACEMENT_GIVE_UP_SECONDS,
  };
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(PLACEMENT_SETTING_KEYS) } } });
  for (const [field, key] of Object.entries(PLACEMENT_SETTING_KEYS) as [keyof PlacementSettings, string][]) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    const value = Number(row.value.trim());
    if (Number.isInteger(value) && value >= 1) result[field] = value;
  }
  return result;
}
