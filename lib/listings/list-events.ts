import type { ListingEvent, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { findAssetOrThrow } from '../assets/get-asset.ts';

/** One listing change as `GET /api/assets/:id/events` answers. */
export interface EventView {
  id: string;
  target: string;
  zone: string;
  kind: 'listed' | 'delisted';
  codes: string[];
  meanings: string[];
  txt?: string;
  at: Date;
}

/** Shape a ListingEvent row for the API. */
export function toEventView(e: ListingEvent): EventView {
  return {
    id: e.id,
    target: e.target,
    zone: e.zone,
    kind: e.kind as EventView['kind'],
    codes: JSON.parse(e.codes) as string[],
    meanings: JSON.parse(e.meanings) as string[],
    ...(e.txt ? { txt: e.txt } : {}),
    at: e.at,
  };
}

/**
 * An asset's listing and delisting events, newest first (at most `limit`, default 500).
 * @throws AppError('not_found') for an unknown asset.
 */
export async function listEvents(params: { assetId: string; limit?: number; db?: PrismaClient }): Promise<EventView[]> {
  const db = params.db ?? prisma;
  await findAssetOrThrow({ id: params.assetId, db });
  const rows = await db.listingEvent.findMany({
    where: { assetId: params.assetId },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: params.limit ?? 500,
  });
  return rows.map(toEventView);
}
