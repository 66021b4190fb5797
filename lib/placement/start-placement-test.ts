import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { createPlacementTest } from './create-placement-test.ts';
import type { PlacementTrigger } from './create-placement-test.ts';
import { defaultSendDeps } from './placement-deps.ts';
import type { SendDeps } from './placement-deps.ts';
import { sendPlacementTest } from './send-placement-test.ts';
import type { SendSummary } from './send-placement-test.ts';

/**
 * Create a test and start sending it in the background (POST /api/placement-tests answers 201 without waiting for
 * the sends or the collection). A send that fails unexpectedly is logged; a test whose seeds were never attempted
 * (the process stopped) is picked up again by the `placement.work` job (advancePlacementTests).
 * @returns the test id and the background send's promise (tests await it).
 * @throws what createPlacementTest throws (unknown, paused or disabled server; no enabled seed mailbox).
 */
export async function startPlacementTest(params: {
  serverId: string;
  trigger?: PlacementTrigger;
  db?: PrismaClient;
  deps?: SendDeps;
  now?: () => Date;
}): Promise<{ id: string; sending: Promise<SendSummary | null> }> {
  const db = params.db ?? prisma;
  const deps = params.deps ?? defaultSendDeps;
  const { id } = await createPlacementTest({ serverId: params.serverId, trigger: params.trigger ?? 'manual', db, deps, now: params.now });
  const sending = sendPlacementTest({ testId: id, db, deps, now: params.now }).catch((err: unknown) => {
    logger.error({ err, testId: id }, 'placement test: sending failed');
    return null;
  });
  return { id, sending };
}
