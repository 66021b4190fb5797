import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { snapshotScores } from './snapshot-scores.ts';
import type { SnapshotSummary } from './snapshot-scores.ts';
import { DNSBL_JOB_IDS } from '../sweeps/dnsbl-job-ids.ts';

/** Scores are recomputed at least this often (ms, 15 min) even when nothing was swept or tested. */
export const SNAPSHOT_EVERY_MS = 15 * 60_000;

/** Jobs whose completion changes listings: the scheduled or manual sweep and "check now". */

/** When this process last scored (per process: a new worker scores on its first tick). */
export interface SnapshotClock {
  lastRunAt: Date | null;
}

const processClock: SnapshotClock = { lastRunAt: null };

/** Why a run scored, or `skipped: true` when nothing was due. */
export type DueSnapshot = ({ skipped: false; because: string } & SnapshotSummary) | { skipped: true };

/**
 * Score every subject (snapshotScores) when something may have changed: a DNSBL sweep or check finished
 * (JobRun `dnsbl.sweep` / `dnsbl.check` succeeded), or a placement test completed, since this process last
 * scored; or SNAPSHOT_EVERY_MS has passed; or `force` (right after a sweep in the same job). The body of the
 * per-minute `reputation.snapshot` job. `now` and the `clock` are injectable.
 */
export async function snapshotWhenDue(
  params: { db?: PrismaClient; now?: Date; force?: boolean; clock?: SnapshotClock } = {},
): Promise<DueSnapshot> {
  const db = params.db ?? prisma;
  const now = params.now ?? new Date();
  const clock = params.clock ?? processClock;
  const last = clock.lastRunAt;
  let because = params.force ? 'requested' : last === null ? 'first run in this process' : '';
  if (!because && last && now.getTime() - last.getTime() >= SNAPSHOT_EVERY_MS) because = 'every 15 minutes';
  if (!because && last) {
    const swept = await db.jobRun.count({ where: { jobId: { in: DNSBL_JOB_IDS }, status: 'succeeded', finishedAt: { gt: last } } });
    const tested = await db.placementTest.count({ where: { status: 'complete', completedAt: { gt: last } } });
    if (swept > 0) because = 'a DNSBL sweep finished';
    else if (tested > 0) because = 'a placement test completed';
  }
  if (!because) return { skipped: true };
  clock.lastRunAt = now;
  return { skipped: false, because, ...(await snapshotScores({ db, now })) };
}
