import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { collectPlacementResults } from './collect-placement-results.ts';
import { defaultCollectDeps, defaultSendDeps } from './placement-deps.ts';
import type { CollectDeps, SendDeps } from './placement-deps.ts';
import { placementSettings } from './placement-settings.ts';
import { sendPlacementTest } from './send-placement-test.ts';

/** A seed never attempted this long after its test was created lost its sender (the process stopped): resend. */
export const ORPHAN_SEND_AFTER_MS = 60_000;

/** When this process last polled each test (ms since epoch); a test is polled at most once per poll interval. */
const lastPolled = new Map<string, number>();

/** What one worker tick did. */
export interface AdvanceSummary {
  /** Tests whose due sends (deferred retries, orphaned first sends) were attempted. */
  sent: number;
  /** Tests polled over IMAP. */
  collected: number;
  /** Seeds found, turned missing or error by the polls. */
  found: number;
  missing: number;
  errors: number;
}

/**
 * One tick of the `placement.work` job: selects work and calls lib/placement (design §2, §6).
 * 1. Sends that are due: deferred seeds whose `nextAttemptAt` has passed, and seeds never attempted
 *    ORPHAN_SEND_AFTER_MS after their test was created (sendPlacementTest; it gives up after the window).
 * 2. Collection: tests with accepted seeds still `pending`, oldest first, at most `maxTests` (default 20) per
 *    tick, one test at a time (a mailbox is never opened twice at once by this process), each polled at most once
 *    per pollIntervalSeconds (Setting `placement.pollIntervalSeconds` over the environment), and always once its
 *    deadline has passed so missing seeds are decided.
 * Stops between tests when `signal` aborts.
 */
export async function advancePlacementTests(
  params: {
    db?: PrismaClient;
    sendDeps?: SendDeps;
    collectDeps?: CollectDeps;
    now?: () => Date;
    maxTests?: number;
    signal?: AbortSignal;
  } = {},
): Promise<AdvanceSummary> {
  const db = params.db ?? prisma;
  const now = params.now ?? (() => new Date());
  const summary: AdvanceSummary = { sent: 0, collected: 0, found: 0, missing: 0, errors: 0 };
  const at = now();
  const dueSends = await db.placementResult.findMany({
    where: {
      OR: [
        { placement: 'pending', nextAttemptAt: { lte: at } },
        { smtpOutcome: 'pending', placement: 'pending', test: { createdAt: { lte: new Date(at.getTime() - ORPHAN_SEND_AFTER_MS) } } },
      ],
    },
    distinct: ['testId'],
    select: { testId: true },
  });
  for (const { testId } of dueSends) {
    if (params.signal?.aborted) return summary;
    await sendPlacementTest({ testId, db, deps: params.sendDeps ?? defaultSendDeps, now });
    summary.sent++;
  }
  const { pollIntervalSeconds } = await placementSettings({ db });
  const collecting = await db.placementTest.findMany({
    where: { results: { some: { smtpOutcome: 'accepted', placement: 'pending' } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, deadlineAt: true },
  });
  for (const test of collecting) {
    if (params.signal?.aborted || summary.collected >= (params.maxTests ?? 20)) break;
    const t = now().getTime();
    const pastDeadline = test.deadlineAt !== null && t >= test.deadlineAt.getTime();
    if (!pastDeadline && t - (lastPolled.get(test.id) ?? 0) < pollIntervalSeconds * 1000) continue;
    lastPolled.set(test.id, t);
    const pass = await collectPlacementResults({ testId: test.id, db, deps: params.collectDeps ?? defaultCollectDeps, now });
    if (pass.status === 'complete') lastPolled.delete(test.id);
    summary.collected++;
    summary.found += pass.found;
    summary.missing += pass.missing;
    summary.errors += pass.errors;
  }
  return summary;
}
