import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { readZoneDefinition } from './read-zone-definition.ts';
import { toZoneView } from './zone-view.ts';
import type { ZoneView } from './zone-view.ts';
import { isQueryable } from './zone-rules.ts';

/** `PATCH /api/zones/:zone` body: weight 0–10, dailyBudget a positive query count per UTC day or null (unlimited). */
export const ZUpdateZone = z
  .object({
    enabled: z.boolean().optional(),
    weight: z.number().min(0).max(10).optional(),
    dailyBudget: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  })
  .strict();
export type TUpdateZone = z.infer<typeof ZUpdateZone>;

/**
 * Change the user-owned fields of a zone.
 * @throws AppError('not_found') for an unknown zone; AppError('invalid_input') when enabling a retired or
 *   wildcard zone (BL-06, BL-07), with the status date in the message.
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
  const updated = await db.zone.update({ where: { name: params.zone }, data: params.patch });
  return toZoneView(updated, (params.now ?? (() => new Date()))());
}
