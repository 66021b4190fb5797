import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { holdForQuota } from '../quotas/hold-for-quota.ts';
import { recordQuotaReply } from '../quotas/record-quota-reply.ts';
import type { SendOutcome } from '../smtp/types.ts';
import { recordUsageEvent } from '../usage/record-usage-event.ts';
import { defaultSendDeps } from './placement-deps.ts';
import type { SendDeps } from './placement-deps.ts';
import { placementSettings } from './placement-settings.ts';
import { refreshTestStatus } from './refresh-test-status.ts';
import type { PlacementStatus } from './refresh-test-status.ts';
import { sendOutcomeUpdate } from './send-outcome-update.ts';

/** Stages at which a failure belongs to the server, not to one recipient: the same answer holds for every seed. */
const SERVER_STAGES = new Set(['connect', 'tls', 'ehlo', 'auth']);

/** What one sendPlacementTest call did: seeds attempted and their outcomes, and the test's status after. */
export interface SendSummary {
  attempted: number;
  accepted: number;
  retrying: number;
  failed: number;
  status: PlacementStatus;
}

/**
 * Send the seeds of a test that are due: never attempted yet, or deferred with `nextAttemptAt` ≤ now (design §6).
 * One pooled transport (createSeedTransport, SMTP-08) serves the whole call and is closed afterwards. Each reply is
 * classified (SendOutcome) and stored through sendOutcomeUpdate; every accepted send records a UsageEvent
 * (source `seed`, count 1) and moves the test's `deadlineAt` to at least sentAt + collectDeadlineSeconds, so a
 * seed accepted after greylisting gets its full collection window. A failure at connect, TLS, EHLO or AUTH is the
 * server's: that outcome is stored on every due seed without further attempts (an unreachable server is an
 * `error`, never a spam or missing placement). A reply saying the account's quota is exhausted (QUOTA-01) marks
 * the window (recordQuotaReply, which pauses the server) and, like a server failure, is stored on the remaining
 * due seeds without sending them. A paused or disabled server sends nothing — nor one whose quotas cannot take
 * the due seeds (holdForQuota pauses it): its due seeds become `error` with the reason.
 * @returns counts and the test's new status. Throws only on database failures (SMTP outcomes are results).
 */
export async function sendPlacementTest(params: {
  testId: string;
  db?: PrismaClient;
  deps?: SendDeps;
  now?: () => Date;
}): Promise<SendSummary> {
  const db = params.db ?? prisma;
  const deps = params.deps ?? defaultSendDeps;
  const now = params.now ?? (() => new Date());
  const test = await db.placementTest.findUniqueOrThrow({ where: { id: params.testId }, include: { server: true } });
  const due = await db.placementResult.findMany({
    where: {
      testId: test.id,
      OR: [{ smtpOutcome: 'pending' }, { placement: 'pending', nextAttemptAt: { lte: now() } }],
    },
    orderBy: { mailboxAddress: 'asc' },
  });
  const summary = { attempted: 0, accepted: 0, retrying: 0, failed: 0 };
  const { server } = test;
  const pausedReason = due.length > 0 ? (await holdForQuota({ serverId: server.id, messages: due.length, now: now(), db })).pausedReason : server.pausedReason;
  if (due.length > 0 && (pausedReason || !server.enabled)) {
    const why = pausedReason ? `paused: ${pausedReason}` : 'disabled';
    await db.placementResult.updateMany({
      where: { id: { in: due.map((r) => r.id) } },
      data: { placement: 'error', nextAttemptAt: null, error: `not sent: the SMTP server "${server.name}" is ${why}` },
    });
    summary.failed = due.length;
  } else if (due.length > 0) {
    const settings = await placementSettings({ db });
    const transport = deps.createTransport({ server });
    let serverFailure: SendOutcome | null = null;
    try {
      for (const result of due) {
        const outcome: SendOutcome =
          serverFailure ??
          (await deps.sendMessage({
            transport,
            message: {
              ...deps.buildMessage({ token: test.token, seed: { address: result.mailboxAddress }, server, now: test.createdAt }),
              messageId: result.messageId,
            },
            from: server.fromAddress,
            to: result.mailboxAddress,
            server,
          }));
        const fresh = outcome !== serverFailure;
        if (outcome.outcome !== 'accepted' && SERVER_STAGES.has(outcome.stage)) serverFailure = outcome;
        const at = now();
        if (fresh && outcome.category === 'quota_exhausted') {
          serverFailure = outcome;
          await recordQuotaReply({ serverId: server.id, classification: outcome, text: outcome.text, code: outcome.code, enhancedCode: outcome.enhancedCode, now: at, db });
        }
        const update = sendOutcomeUpdate({
          outcome,
          attempts: result.attempts,
          testCreatedAt: test.createdAt,
          retryIntervalSeconds: settings.retryIntervalSeconds,
          giveUpSeconds: settings.giveUpSeconds,
          now: at,
        });
        await db.placementResult.update({ where: { id: result.id }, data: update });
        summary.attempted++;
        if (outcome.outcome === 'accepted') {
          summary.accepted++;
          await recordUsageEvent({ serverId: server.id, at, count: 1, source: 'seed', db });
          const collectUntil = new Date(at.getTime() + settings.collectDeadlineSeconds * 1000);
          await db.placementTest.updateMany({
            where: { id: test.id, OR: [{ deadlineAt: null }, { deadlineAt: { lt: collectUntil } }] },
            data: { deadlineAt: collectUntil },
          });
        } else if (update.placement === 'pending') summary.retrying++;
        else summary.failed++;
      }
    } finally {
      transport.close();
    }
  }
  const { status } = await refreshTestStatus({ testId: test.id, db, now });
  logger.info({ testId: test.id, serverId: server.id, ...summary, status }, 'placement test sends');
  return { ...summary, status };
}
