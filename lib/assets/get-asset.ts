import type { Asset, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toAssetViews } from './asset-view.ts';
import type { AssetView } from './asset-view.ts';

/**
 * The Asset row by id.
 * @throws AppError('not_found') for an unknown id.
 */
export async function findAssetOrThrow(params: { id: string; db?: PrismaClient }): Promise<Asset> {
  const db = params.db ?? prisma;
  const asset = await db.asset.findUnique({ where: { id: params.id } });
  if (!asset) throw new AppError('not_found', `no asset with id ${params.id}`);
  return asset;
}

/**
 * One asset with its status (`GET /api/assets/:id`).
 * @throws AppError('not_found') for an unknown id.
 */
export async function getAsset(params: { id: string; db?: PrismaClient }): Promise<AssetView> {
  const db = params.db ?? prisma;
  const asset = await findAssetOrThrow({ id: params.id, db });
  const [view] = await toAssetViews({ db, assets: [asset] });
  return view;
}
