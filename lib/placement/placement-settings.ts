import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { readSetting } from '../settings/setting-store.ts';
import type { PlacementSettingKey } from '../settings/setting-store.ts';

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
} as const satisfies Record<keyof PlacementSettings, PlacementSettingKey>;

/** Ranges (seconds) a user may set from the Settings page (`PUT /api/settings`). The worker ticks every 5 s. */
export const PLACEMENT_SETTING_RANGES = {
  collectDeadlineSeconds: { min: 60, max: 7 * 86_400 },
  pollIntervalSeconds: { min: 5, max: 3600 },
} as const;

/**
 * Current placement timing: PLACEMENT_COLLECT_DEADLINE_SECONDS, PLACEMENT_POLL_INTERVAL_SECONDS,
 * PLACEMENT_RETRY_INTERVAL_SECONDS and PLACEMENT_GIVE_UP_SECONDS, each overridden by its Setting row
 * (`placement.*`, read through lib/settings/setting-store.ts) when that row holds a positive integer. A malformed
 * row is ignored (the environment wins). Read on every use, so a change applies without a restart.
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
  for (const [field, key] of Object.entries(PLACEMENT_SETTING_KEYS) as [keyof PlacementSettings, PlacementSettingKey][]) {
    const value = await readSetting<unknown>({ key, db });
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) result[field] = value;
  }
  return result;
}
