import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toSeedMailboxView } from './seed-mailbox-view.ts';
import type { SeedMailboxView } from './seed-mailbox-view.ts';

/** Every seed mailbox, by provider then address, without secrets (`GET /api/seed-mailboxes`). */
export async function listSeedMailboxes(params: { db?: PrismaClient } = {}): Promise<SeedMailboxView[]> {
  const db = params.db ?? prisma;
  const rows = await db.seedMailbox.findMany({ orderBy: [{ provider: 'asc' }, { address: 'asc' }] });
  return rows.map(toSeedMailboxView);
}
