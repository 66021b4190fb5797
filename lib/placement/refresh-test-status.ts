import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { placementCounts } from './placement-counts.ts';
import type { PlacementCounts } from './placement-counts.ts';

/** The states of a placement test. */
export type PlacementStatus = 'sending' | 'collecting' | 'complete';

/**
 * Recompute a test's status from its results and store it: `sending` while any send is `pending` or `deferred`
 * (or a retryable throttle waiting for its next attempt), else `collecting` while any placement is `pending`,
 * else `complete` with `completedAt` (kept from the first time it completed) and the counts per placement stored as the JSON `summary`.
 * @returns the status and counts.
 */
export async function refreshTestStatus(params: {
  testId: string;
  db?: PrismaClient;
  now?: () => Date;
}): Promise<{ status: PlacementStatus; counts: PlacementCounts }> {
  const db = params.db ?? prisma;
  const results = await db.placementResult.findMany({
    where: { testId: params.testId },
    select: { smtpOutcome: true, placement: true, nextAttemptAt: true },
  });
  const counts = placementCounts({ results });
  const sending = results.some((r) => r.smtpOutcome === 'pending' || (r.nextAttemptAt !== null && r.placement === 'pending'));
  const status: PlacementStatus = sending ? 'sending' : counts.pending > 0 ? 'collecting' : 'complete';
  const complete = status === 'complete';
  const before = await db.placementTest.findUniqueOrThrow({ where: { id: params.testId }, select: { completedAt: true } });
  await db.placementTest.update({
    where: { id: params.testId },
    data: {
      status,
      completedAt: complete ? (before.completedAt ?? (params.now ?? (() => new Date()))()) : null,
      summary: complete ? JSON.stringify(counts) : null,
    },
  });
  return { status, counts };
}
