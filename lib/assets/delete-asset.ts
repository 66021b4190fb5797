import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { findAssetOrThrow } from './get-asset.ts';

/**
 * Stop monitoring an asset and delete its listings, events and history (cascade).
 * @throws AppError('not_found') for an unknown id.
 */
export async function deleteAsset(params: { id: string; db?: PrismaClient }): Promise<void> {
  const db = params.db ?? prisma;
  await findAssetOrThrow({ id: params.id, db });
  await db.asset.delete({ where: { id: params.id } });
}
