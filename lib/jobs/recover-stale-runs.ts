import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** A running run whose heartbeat is older than this (ms) belongs to a process that stopped (heartbeats: every 5 s). */
export const STALE_AFTER_MS = 2 * 60_000;

/** The error recorded on a run found abandoned at start. */
export const INTERRUPTED_MESSAGE = 'interrupted: the process stopped before the run finished';

/**
 * Mark runs still `running` with a heartbeat older than `staleAfterMs` as failed (design §2: a run killed half-way
 * is marked failed on next start; its work is redone idempotently by the next run).
 * @returns the number of runs marked failed.
 */
export async function recoverStaleRuns(
  params: { db?: PrismaClient; now?: () => Date; staleAfterMs?: number } = {},
): Promise<number> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const cutoff = new Date(now.getTime() - (params.staleAfterMs ?? STALE_AFTER_MS));
  const res = await db.jobRun.updateMany({
    where: { status: 'running', heartbeatAt: { lt: cutoff } },
    data: { status: 'failed', finishedAt: now, error: INTERRUPTED_MESSAGE },
  });
  return res.count;
}
