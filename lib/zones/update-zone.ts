import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { encryptSecret } from '../crypto.ts';
import { zoneKeySetting } from './read-zone-keys.ts';
import { readZoneDefinition } from './read-zone-definition.ts';
import { toZoneView } from './zone-view.ts';
import type { ZoneView } from './zone-view.ts';
import { isQueryable } from './zone-rules.ts';

/**
 * `PATCH /api/zones/:zone` body: weight 0–10, dailyBudget a positive query count per UTC day or null (unlimited),
 * `key` the account key of a keyed zone (one DNS label: letters, digits, hyphens; null removes it).
 */
export const ZUpdateZone = z
  .object({
    enabled: z.boolean().optional(),
    weight: z.number().min(0).max(10).optional(),
    dailyBudget: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'the key is one DNS label: letters, digits and hyphens, at most 63')
      .nullable()
      .optional(),
  })
  .strict();

/** Where an operator's account key comes from, for the message refusing a keyed zone without one. */
function whereToGetKey(operator: string): string {
  if (/spamhaus/i.test(operator)) return 'a free Spamhaus Data Query Service (DQS) account gives one (spamhaus.com, "Data Query Service")';
  if (/abusix/i.test(operator)) return 'an Abusix Mail Intelligence account gives one (abusix.com)';
  return `ask ${operator} for an account key`;
}
export type TUpdateZone = z.infer<typeof ZUpdateZone>;

/**
 * Change the user-owned fields of a zone. A keyed zone's `key` is stored encrypted (lib/crypto.ts) in the Setting
 * `zoneKey:<zone>` and never returned (the view says `hasKey`); removing it switches the zone off.
 * @throws AppError('not_found') for an unknown zone; AppError('invalid_input') when enabling a retired or
 *   wildcard zone (BL-06, BL-07), with the status date in the message; when enabling a keyed zone that has no key
 *   (saying where to get one); when giving a key to a zone that takes none.
 */
export async function updateZone(params: {
  zone: string;
  patch: TUpdateZone;
  db?: PrismaClient;
  now?: () => Date;
}): Promise<ZoneView> {
  const db = params.db ?? prisma;
  const row = await db.zone.findUnique({ where: { name: params.zone } });
  if (!row) throw new AppError('not_found', `zone ${params.zone} is not in the catalog`);
  const def = readZoneDefinition(row);
  if (params.patch.enabled && !isQueryable(def)) {
    const why =
      def.status === 'retired'
        ? `was retired${def.statusSince ? ` on ${def.statusSince}` : ''}`
        : `answers "listed" for every name${def.statusSince ? ` since ${def.statusSince}` : ''} (wildcard)`;
    throw new AppError('invalid_input', `zone ${params.zone} cannot be enabled: it ${why}`);
  }
  const { key, ...fields } = params.patch;
  if (key !== undefined && def.status !== 'keyed') {
    throw new AppError('invalid_input', `zone ${params.zone} takes no account key: it is queried as it is`);
  }
  const setting = zoneKeySetting(params.zone);
  const hadKey = (await db.setting.count({ where: { key: setting } })) > 0;
  const hasKey = key === undefined ? hadKey : key !== null;
  if (def.status === 'keyed' && !hasKey && fields.enabled) {
    throw new AppError(
      'invalid_input',
      `zone ${params.zone} needs an account key in its query names (<key>.${params.zone}): ${whereToGetKey(def.operator)}; give it as "key"`,
    );
  }
  const value = key ? JSON.stringify(encryptSecret(key)) : null;
  // Without its key a keyed zone cannot be queried: removing the key switches it off.
  const data = key === null ? { ...fields, enabled: false } : fields;
  const updated = await db.$transaction(async (tx) => {
    if (key === null) await tx.setting.deleteMany({ where: { key: setting } });
    if (value !== null) await tx.setting.upsert({ where: { key: setting }, create: { key: setting, value }, update: { value } });
    return tx.zone.update({ where: { name: params.zone }, data });
  });
  return toZoneView(updated, (params.now ?? (() => new Date()))(), hasKey);
}
