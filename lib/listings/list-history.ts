import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { findAssetOrThrow } from '../assets/get-asset.ts';

/** One sweep of an asset: (target, zone) counts by verdict, as `GET /api/assets/:id/history` answers. */
export interface HistoryPoint {
  at: Date;
  listed: number;
  notListed: number;
  errors: number;
  notApplicable: number;
}

/**
 * The asset's sweeps, oldest first (the last `limit`, default 1000).
 * @throws AppError('not_found') for an unknown asset.
 */
export async function listHistory(params: { assetId: string; limit?: number; db?: PrismaClient }): Promise<HistoryPoint[]> {
  const db = params.db ?? prisma;
  await findAssetOrThrow({ id: params.assetId, db });
  const rows = await db.assetCheck.findMany({
    where: { assetId: params.assetId },
    orderBy: { at: 'desc' },
    take: params.limit ?? 1000,
  });
  return rows.reverse().map((r) => ({ at: r.at, listed: r.listed, notListed: r.notListed, errors: r.errors, notApplicable: r.notApplicable }));
}
