import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** A running run whose heartbeat is older than this (ms) belongs to a process that stopped (heartbeats: every 5 s). */
export const STALE_AFTER_MS = 2 * 60_000;

/** The error recorded on a run found abandoned at start. */
export const INTERRUPTED_MESSAGE = 'interrupted: the process stopped before the run finished';

/** A queued manual run nobody picked up for this long (ms) is given up: no scheduler is running. */
export const QUEUED_EXPIRE_AFTER_MS = 10 * 60_000;

/** The error recorded on a queued run given up. */
export const NOT_PICKED_UP_MESSAGE =
  'not started: no scheduler picked it up within 10 minutes (with JOBS_ENABLED=false, run `npm run worker`)';

/**
 * Mark runs still `running` with a heartbeat older than `staleAfterMs` as failed (design §2: a run killed half-way
 * is marked failed; its work is redone idempotently by the next run), and `queued` runs older than
 * QUEUED_EXPIRE_AFTER_MS as failed (not started). The scheduler calls it at start and on every tick.
 * @returns the number of runs marked failed.
 */
export async function recoverStaleRuns(
  params: { db?: PrismaClient; now?: () => Date; staleAfterMs?: number } = {},
): Promise<number> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const cutoff = new Date(now.getTime() - (params.staleAfterMs ?? STALE_AFTER_MS));
  const [stale, expired] = await db.$transaction([
    db.jobRun.updateMany({
      where: { status: 'running', heartbeatAt: { lt: cutoff } },
      data: { status: 'failed', finishedAt: now, error: INTERRUPTED_MESSAGE },
    }),
    db.jobRun.updateMany({
      where: { status: 'queued', heartbeatAt: { lt: new Date(now.getTime() - QUEUED_EXPIRE_AFTER_MS) } },
      data: { status: 'failed', finishedAt: now, error: NOT_PICKED_UP_MESSAGE },
    }),
  ]);
  return stale.count + expired.count;
}
