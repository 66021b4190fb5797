import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { withSqliteRetry } from '../db/with-sqlite-retry.ts';

/**
 * Delete finished JobRuns (succeeded or failed) that finished more than `olderThanDays` days before `now`.
 * Running and queued runs are never deleted. A locked database is retried.
 * @returns `{ deleted, before }`: the number of runs deleted and the cutoff (ISO 8601).
 */
export async function pruneJobRuns(params: { olderThanDays: number; db?: PrismaClient; now?: () => Date }): Promise<{ deleted: number; before: string }> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const before = new Date(now.getTime() - params.olderThanDays * 86_400_000);
  const { count } = await withSqliteRetry(
    () => db.jobRun.deleteMany({ where: { status: { in: ['succeeded', 'failed'] }, finishedAt: { lt: before } } }),
    { what: 'prune job runs' },
  );
  return { deleted: count, before: before.toISOString() };
}
