import cron from 'node-cron';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { holdForQuota } from '../quotas/hold-for-quota.ts';
import { QUOTA_PAUSE_PREFIX } from '../quotas/quota-block.ts';
import { syncQuotaPauses } from '../quotas/sync-quota-pauses.ts';
import { runScheduledSlot } from '../jobs/run-scheduled-slot.ts';
import { createPlacementTest } from './create-placement-test.ts';
import { defaultSendDeps } from './placement-deps.ts';
import type { SendDeps } from './placement-deps.ts';
import { sendPlacementTest } from './send-placement-test.ts';

/** JobRun jobId of one server's scheduled test: `placement.test:<serverId>`, claimed per slot. */
export function placementTestJobId(params: { serverId: string }): string {
  return `placement.test:${params.serverId}`;
}

/** The first time in the minute starting at `minute` that a valid `expression` fires (5 or 6 fields), or null. */
function firstSlotInMinute(expression: string, minute: Date): Date | null {
  const task = cron.createTask(expression, () => {});
  try {
    for (let s = 0; s < 60; s++) {
      const at = new Date(minute.getTime() + s * 1000);
      if (task.match(at)) return at;
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/**
 * One tick of the `placement.schedule` job (every minute): first bring quota pauses up to date (syncQuotaPauses:
 * pause servers whose quotas are full, lift pauses whose windows freed); then for each enabled server, unpaused
 * or paused by a quota, whose own `scheduleCron` has a slot in the minute starting at `minute` (the first slot
 * when a 6-field cron has several),
 * claim the JobRun `placement.test:<serverId>` for that slot (runScheduledSlot: a second process ticking the same
 * minute gets a key conflict and skips) and run it: create a `schedule` test and send it. Collection is left to
 * the `placement.work` job. A server its quotas block (holdForQuota) is skipped: its run succeeds with summary
 * `{ skipped: "quota: daily limit 500 reached, resets …" }` and nothing is sent. Servers run in parallel; a server
 * with an invalid cron is skipped with a warning.
 * @returns each due server's outcome: the run status, or why it was skipped.
 */
export async function runScheduledPlacements(params: {
  minute: Date;
  db?: PrismaClient;
  deps?: SendDeps;
  now?: () => Date;
  signal?: AbortSignal;
}): Promise<{ serverId: string; slot: string; result: string }[]> {
  const db = params.db ?? prisma;
  const deps = params.deps ?? defaultSendDeps;
  const minute = new Date(Math.floor(params.minute.getTime() / 60_000) * 60_000);
  await syncQuotaPauses({ now: params.now?.(), db });
  const servers = await db.smtpServer.findMany({
    where: { enabled: true, OR: [{ pausedReason: null }, { pausedReason: { startsWith: QUOTA_PAUSE_PREFIX } }] },
    select: { id: true, scheduleCron: true },
  });
  const due = servers.flatMap((s) => {
    if (!cron.validate(s.scheduleCron)) {
      logger.warn({ serverId: s.id, cron: s.scheduleCron }, 'placement schedule: invalid cron, server skipped');
      return [];
    }
    const slot = firstSlotInMinute(s.scheduleCron, minute);
    return slot ? [{ serverId: s.id, slot }] : [];
  });
  return Promise.all(
    due.map(async ({ serverId, slot }) => {
      const result = await runScheduledSlot({
        jobId: placementTestJobId({ serverId }),
        slot,
        db,
        now: params.now,
        signal: params.signal,
        body: async () => {
          const { pausedReason } = await holdForQuota({ serverId, now: params.now?.(), db });
          if (pausedReason) return { skipped: pausedReason };
          const test = await createPlacementTest({ serverId, trigger: 'schedule', db, deps, now: params.now });
          const sent = await sendPlacementTest({ testId: test.id, db, deps, now: params.now });
          return { testId: test.id, seeds: test.seeds, ...sent };
        },
      });
      return { serverId, slot: slot.toISOString(), result };
    }),
  );
}
