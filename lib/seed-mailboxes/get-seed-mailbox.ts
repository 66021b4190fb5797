import type { PrismaClient, SeedMailbox } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toSeedMailboxView } from './seed-mailbox-view.ts';
import type { SeedMailboxView } from './seed-mailbox-view.ts';

/**
 * The SeedMailbox row by id, encrypted secret included (for the collector; never send it to a client).
 * @throws AppError('not_found') for an unknown id.
 */
export async function findSeedMailboxOrThrow(params: { id: string; db?: PrismaClient }): Promise<SeedMailbox> {
  const db = params.db ?? prisma;
  const row = await db.seedMailbox.findUnique({ where: { id: params.id } });
  if (!row) throw new AppError('not_found', `no seed mailbox with id ${params.id}`);
  return row;
}

/**
 * One seed mailbox without its secret (`GET /api/seed-mailboxes/:id`).
 * @throws AppError('not_found') for an unknown id.
 */
export async function getSeedMailbox(params: { id: string; db?: PrismaClient }): Promise<SeedMailboxView> {
  return toSeedMailboxView(await findSeedMailboxOrThrow(params));
}
