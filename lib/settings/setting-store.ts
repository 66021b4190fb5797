import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/**
 * Setting keys (values are JSON):
 * - `alertEmailTo`: string[] of alert recipients, overriding ALERT_EMAIL_TO.
 * - `zoneKey:<zone>`: a keyed zone's account key, encrypted (lib/zones/read-zone-keys.ts); never returned.
 * - `placement.collectDeadlineSeconds`, `placement.pollIntervalSeconds`, `placement.retryIntervalSeconds`,
 *   `placement.giveUpSeconds`: integer seconds overriding the PLACEMENT_* environment (lib/placement/placement-settings.ts).
 */
export type SettingKey = 'alertEmailTo' | `zoneKey:${string}` | PlacementSettingKey;

/** Placement timing settings (integer seconds). */
export type PlacementSettingKey =
  | 'placement.collectDeadlineSeconds'
  | 'placement.pollIntervalSeconds'
  | 'placement.retryIntervalSeconds'
  | 'placement.giveUpSeconds';

/** Read a JSON setting; undefined when unset or not valid JSON. */
export async function readSetting<T>(params: { key: SettingKey; db?: PrismaClient }): Promise<T | undefined> {
  const db = params.db ?? prisma;
  const row = await db.setting.findUnique({ where: { key: params.key } });
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return undefined;
  }
}

/** Write a JSON setting (insert or replace). */
export async function writeSetting(params: { key: SettingKey; value: unknown; db?: PrismaClient }): Promise<void> {
  const db = params.db ?? prisma;
  const value = JSON.stringify(params.value);
  await db.setting.upsert({ where: { key: params.key }, create: { key: params.key, value }, update: { value } });
}
