import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { holdForQuota } from '../quotas/hold-for-quota.ts';
import { defaultSendDeps } from './placement-deps.ts';
import type { SendDeps } from './placement-deps.ts';
import { placementSettings } from './placement-settings.ts';

/** How a test was started: by the server's schedule or on demand (the dashboard, POST /api/placement-tests). */
export type PlacementTrigger = 'schedule' | 'manual';

/**
 * Create a placement test for one server (design §6): a fresh token, status `sending`, `deadlineAt` = now +
 * collectDeadlineSeconds, and one `pending` PlacementResult per enabled seed mailbox, each with the Message-ID
 * buildSeedMessage derives from the token. Nothing is sent yet (see sendPlacementTest).
 * @returns the test id and token, and the number of seeds.
 * A server whose quotas cannot take one message per enabled seed is paused first (holdForQuota, design §7).
 * @throws AppError('not_found') for an unknown server; AppError('conflict') when the server is disabled or paused
 *   (with its reason, e.g. "quota: daily limit 500 reached, resets 2026-11-30 14:00 UTC") or when no seed
 *   mailbox is enabled.
 */
export async function createPlacementTest(params: {
  serverId: string;
  trigger: PlacementTrigger;
  db?: PrismaClient;
  deps?: Pick<SendDeps, 'buildMessage'>;
  now?: () => Date;
}): Promise<{ id: string; token: string; seeds: number }> {
  const db = params.db ?? prisma;
  const deps = params.deps ?? defaultSendDeps;
  const now = (params.now ?? (() => new Date()))();
  const server = await db.smtpServer.findUnique({ where: { id: params.serverId } });
  if (!server) throw new AppError('not_found', `no SMTP server with id ${params.serverId}`);
  const { pausedReason } = await holdForQuota({ serverId: server.id, now, db });
  if (pausedReason) throw new AppError('conflict', `the SMTP server "${server.name}" is paused: ${pausedReason}`);
  if (!server.enabled) throw new AppError('conflict', `the SMTP server "${server.name}" is disabled; enable it to run placement tests`);
  const mailboxes = await db.seedMailbox.findMany({ where: { enabled: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  if (mailboxes.length === 0) {
    throw new AppError('conflict', 'no seed mailbox is enabled: add or enable one under Seed mailboxes before running a placement test');
  }
  const { collectDeadlineSeconds } = await placementSettings({ db });
  const token = `iw${randomBytes(8).toString('hex')}`;
  const test = await db.placementTest.create({
    data: {
      token,
      serverId: server.id,
      trigger: params.trigger,
      status: 'sending',
      createdAt: now,
      deadlineAt: new Date(now.getTime() + collectDeadlineSeconds * 1000),
      results: {
        create: mailboxes.map((m) => ({
          mailboxId: m.id,
          mailboxAddress: m.address,
          provider: m.provider,
          messageId: deps.buildMessage({ token, seed: { address: m.address }, server, now }).messageId,
        })),
      },
    },
  });
  return { id: test.id, token, seeds: mailboxes.length };
}
