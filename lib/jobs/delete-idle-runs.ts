import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { withSqliteRetry } from '../db/with-sqlite-retry.ts';

/** How many of a job's latest earlier runs are looked at: idle runs are deleted every idle tick, so few remain. */
const LOOK_BACK = 10;

/**
 * Delete a job's succeeded runs before slot `before` whose summary `isIdle` (a tick that did nothing), among its
 * LOOK_BACK latest. Runs that did work, failed runs and runs still going are kept. A summary that is not JSON is
 * kept. A locked database is retried.
 * @returns the number of runs deleted.
 */
export async function deleteIdleRuns(params: {
  jobId: string;
  before: Date;
  isIdle: (summary: unknown) => boolean;
  db?: PrismaClient;
}): Promise<number> {
  const db = params.db ?? prisma;
  const earlier = await db.jobRun.findMany({
    where: { jobId: params.jobId, status: 'succeeded', slot: { lt: params.before } },
    orderBy: { slot: 'desc' },
    take: LOOK_BACK,
    select: { id: true, summary: true },
  });
  const idle = earlier.filter((r) => {
    try {
      return r.summary !== null && params.isIdle(JSON.parse(r.summary));
    } catch {
      return false;
    }
  });
  if (idle.length === 0) return 0;
  const { count } = await withSqliteRetry(() => db.jobRun.deleteMany({ where: { id: { in: idle.map((r) => r.id) } } }), {
    what: `delete idle runs of ${params.jobId}`,
  });
  return count;
}
