import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { ListingRowState } from './plan-listing-change.ts';
import { formatSqliteTime } from './format-sqlite-time.ts';

/** One new Listing row: its (asset, target, zone) and its full state. */
export interface NewListing extends ListingRowState {
  assetId: string;
  target: string;
  zone: string;
}

/**
 * One INSERT of many Listing rows (each gets a random UUID `id` and `lastCheckedAt = now`), for a batch
 * `db.$transaction([...])`. The rows travel as one JSON parameter read with SQLite's `json_each`: a single
 * statement whatever the count, no per-row planning in the Prisma client and no bound-variable limit.
 * @returns the pending statement (resolves to the number of rows inserted); it throws on a duplicate
 *   (assetId, target, zone) like `createMany`.
 */
export function insertListings(params: { db: PrismaClient; rows: NewListing[]; now: Date }): Prisma.PrismaPromise<number> {
  const json = JSON.stringify(
    params.rows.map((r) => ({
      id: randomUUID(),
      assetId: r.assetId,
      target: r.target,
      zone: r.zone,
      state: r.state,
      lastVerdict: r.lastVerdict,
      lastReason: r.lastReason,
      codes: r.codes,
      meanings: r.meanings,
      txt: r.txt,
      cleanStreak: r.cleanStreak,
      since: formatSqliteTime(r.since),
      firstListedAt: r.firstListedAt && formatSqliteTime(r.firstListedAt),
    })),
  );
  return params.db.$executeRaw`
    INSERT INTO "Listing" ("id", "assetId", "target", "zone", "state", "lastVerdict", "lastReason", "codes",
      "meanings", "txt", "cleanStreak", "since", "firstListedAt", "lastCheckedAt")
    SELECT value ->> 'id', value ->> 'assetId', value ->> 'target', value ->> 'zone', value ->> 'state',
      value ->> 'lastVerdict', value ->> 'lastReason', value ->> 'codes', value ->> 'meanings', value ->> 'txt',
      value ->> 'cleanStreak', value ->> 'since', value ->> 'firstListedAt', ${params.now}
    FROM json_each(${json})`;
}
