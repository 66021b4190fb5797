import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { findSeedMailboxOrThrow } from './get-seed-mailbox.ts';

/**
 * Remove a seed mailbox. Past placement results keep its address (PlacementResult.mailboxAddress; the link is set
 * to null by the schema).
 * @throws AppError('not_found') for an unknown id.
 */
export async function deleteSeedMailbox(params: { id: string; db?: PrismaClient }): Promise<void> {
  const db = params.db ?? prisma;
  await findSeedMailboxOrThrow({ id: params.id, db });
  await db.seedMailbox.delete({ where: { id: params.id } });
}
