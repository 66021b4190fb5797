import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toAssetViews } from './asset-view.ts';
import type { AssetView } from './asset-view.ts';

/** Every asset with its status, oldest first (`GET /api/assets`). */
export async function listAssets(params: { db?: PrismaClient } = {}): Promise<AssetView[]> {
  const db = params.db ?? prisma;
  const assets = await db.asset.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return toAssetViews({ db, assets });
}
