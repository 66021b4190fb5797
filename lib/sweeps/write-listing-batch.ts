import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ListingRowState } from './plan-listing-change.ts';

/** One Listing write decided by planListingChange, with the event it creates (codes of the listing concerned). */
export interface ListingWrite {
  assetId: string;
  target: string;
  zone: string;
  op: 'create' | 'update' | 'delete';
  /** Full row for `create`, changed fields for `update`. */
  data?: Partial<ListingRowState>;
  event?: { kind: 'listed' | 'delisted'; codes: string; meanings: string; txt: string | null };
}

/**
 * Apply one batch of listing writes and their events in a single transaction (no per-result round trips
 * outside it). Every written row gets `lastCheckedAt = now`.
 * @returns the number of ListingEvents created.
 */
export async function writeListingBatch(params: {
  db: PrismaClient;
  writes: ListingWrite[];
  jobRunId: string | null;
  now: Date;
}): Promise<number> {
  const { db, writes, jobRunId, now } = params;
  if (writes.length === 0) return 0;
  const creates = writes.filter((w) => w.op === 'create');
  const events = writes.filter((w) => w.event);
  await db.$transaction([
    ...(creates.length
      ? [
          db.listing.createMany({
            data: creates.map((w) => ({
              ...(w.data as ListingRowState),
              assetId: w.assetId,
              target: w.target,
              zone: w.zone,
              lastCheckedAt: now,
            })),
          }),
        ]
      : []),
    ...writes
      .filter((w) => w.op === 'update')
      .map((w) =>
        db.listing.update({
          where: { assetId_target_zone: { assetId: w.assetId, target: w.target, zone: w.zone } },
          data: { ...w.data, lastCheckedAt: now },
        }),
      ),
    ...writes
      .filter((w) => w.op === 'delete')
      .map((w) => db.listing.deleteMany({ where: { assetId: w.assetId, target: w.target, zone: w.zone } })),
    ...(events.length
      ? [
          db.listingEvent.createMany({
            data: events.map((w) => ({
              assetId: w.assetId,
              target: w.target,
              zone: w.zone,
              kind: w.event!.kind,
              codes: w.event!.codes,
              meanings: w.event!.meanings,
              txt: w.event!.txt,
              at: now,
              jobRunId,
            })),
          }),
        ]
      : []),
  ]);
  return events.length;
}
