import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { decryptSecret } from '../crypto.ts';
import { logger } from '../logger.ts';

/** Setting key under which a keyed zone's account key is stored, AES-256-GCM encrypted (lib/crypto.ts). */
export function zoneKeySetting(zone: string): `zoneKey:${string}` {
  return `zoneKey:${zone}`;
}

/**
 * The account keys of keyed zones (Spamhaus DQS, Abusix), decrypted, by catalog zone name. A key that cannot be
 * decrypted (ENCRYPTION_KEY changed) is left out and logged without its value: the zone is then not queried.
 */
export async function readZoneKeys(params: { db?: PrismaClient } = {}): Promise<Map<string, string>> {
  const db = params.db ?? prisma;
  const rows = await db.setting.findMany({ where: { key: { startsWith: 'zoneKey:' } } });
  const keys = new Map<string, string>();
  for (const row of rows) {
    const zone = row.key.slice('zoneKey:'.length);
    try {
      keys.set(zone, decryptSecret(JSON.parse(row.value) as string));
    } catch (err) {
      logger.warn({ zone, reason: (err as Error).message }, 'the zone key cannot be decrypted; enter it again on the Zones page');
    }
  }
  return keys;
}
