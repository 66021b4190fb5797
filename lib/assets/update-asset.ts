import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { findAssetOrThrow, getAsset } from './get-asset.ts';
import type { AssetView } from './asset-view.ts';

/** `PATCH /api/assets/:id` body: a label (null or "" clears it) and/or `enabled` (false pauses sweeps). */
export const ZUpdateAsset = z
  .object({
    label: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type TUpdateAsset = z.infer<typeof ZUpdateAsset>;

/**
 * Rename or pause/resume an asset. A paused asset is left out of scheduled sweeps; its history is kept.
 * @throws AppError('not_found') for an unknown id.
 */
export async function updateAsset(params: { id: string; patch: TUpdateAsset; db?: PrismaClient }): Promise<AssetView> {
  const db = params.db ?? prisma;
  await findAssetOrThrow({ id: params.id, db });
  const { label, enabled } = params.patch;
  await db.asset.update({
    where: { id: params.id },
    data: {
      ...(label !== undefined ? { label: label ? label : null } : {}),
      ...(enabled !== undefined ? { enabled } : {}),
    },
  });
  return getAsset({ id: params.id, db });
}
