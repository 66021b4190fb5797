import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ListingRowState } from './plan-listing-change.ts';
import { insertListings } from './insert-listings.ts';
import { formatSqliteTime } from './format-sqlite-time.ts';

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

/** The Listing columns an `update` may change: one absent from a write's data keeps its stored value. */
const UPDATABLE = [
  'state',
  'lastVerdict',
  'lastReason',
  'codes',
  'meanings',
  'txt',
  'cleanStreak',
  'since',
  'firstListedAt',
] as const satisfies readonly (keyof ListingRowState)[];

const SET_CHANGED = Prisma.raw(
  UPDATABLE.map((c) => `"${c}" = CASE WHEN json_type(w.value, '$.${c}') IS NULL THEN "Listing"."${c}" ELSE w.value ->> '${c}' END`).join(', '),
);

const time = (at: Date | null | undefined) => (at instanceof Date ? formatSqliteTime(at) : at);

/**
 * Apply one batch of listing writes and their events in a single transaction (no per-result round trips
 * outside it) of at most four statements, whatever the batch size: one INSERT of the created rows
 * (insertListings), one UPDATE of the changed fields of every updated row, one DELETE, one INSERT of the events.
 * Every written row gets `lastCheckedAt = now`; events get `at = now` and `jobRunId`.
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
  const updates = writes.filter((w) => w.op === 'update');
  const deletes = writes.filter((w) => w.op === 'delete');
  const events = writes.filter((w) => w.event);
  const key = (w: ListingWrite) => ({ assetId: w.assetId, target: w.target, zone: w.zone });
  await db.$transaction([
    ...(creates.length
      ? [insertListings({ db, rows: creates.map((w) => ({ ...(w.data as ListingRowState), ...key(w) })), now })]
      : []),
    ...(updates.length
      ? [
          db.$executeRaw`
            UPDATE "Listing" SET ${SET_CHANGED}, "lastCheckedAt" = ${now}
            FROM json_each(${JSON.stringify(
              updates.map((w) => ({ ...w.data, since: time(w.data!.since), firstListedAt: time(w.data!.firstListedAt), ...key(w) })),
            )}) AS w
            WHERE "Listing"."assetId" = w.value ->> 'assetId' AND "Listing"."target" = w.value ->> 'target'
              AND "Listing"."zone" = w.value ->> 'zone'`,
        ]
      : []),
    ...(deletes.length
      ? [
          db.$executeRaw`
            DELETE FROM "Listing" WHERE ("assetId", "target", "zone") IN
              (SELECT value ->> 'assetId', value ->> 'target', value ->> 'zone' FROM json_each(${JSON.stringify(deletes.map(key))}))`,
        ]
      : []),
    ...(events.length
      ? [
          db.$executeRaw`
            INSERT INTO "ListingEvent" ("id", "assetId", "target", "zone", "kind", "codes", "meanings", "txt", "at", "jobRunId")
            SELECT value ->> 'id', value ->> 'assetId', value ->> 'target', value ->> 'zone', value ->> 'kind',
              value ->> 'codes', value ->> 'meanings', value ->> 'txt', ${now}, ${jobRunId}
            FROM json_each(${JSON.stringify(events.map((w) => ({ id: randomUUID(), ...key(w), ...w.event })))})`,
        ]
      : []),
  ]);
  return events.length;
}
