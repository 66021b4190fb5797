import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';

/**
 * Delete a channel and its delivery log. Rules naming it stop using it (a rule left with no channel notifies every
 * channel, the default). @throws AppError('not_found').
 */
export async function deleteChannel(p: { id: string; db?: PrismaClient }): Promise<void> {
  const db = p.db ?? prisma;
  const row = await db.alertChannel.findUnique({ where: { id: p.id } });
  if (!row) throw new AppError('not_found', `no alert channel ${p.id}`);
  const rules = await db.alertRule.findMany({ where: { channelIds: { contains: `"${row.id}"` } } });
  await db.$transaction([
    ...rules.map((r) =>
      db.alertRule.update({ where: { id: r.id }, data: { channelIds: JSON.stringify((JSON.parse(r.channelIds) as string[]).filter((id) => id !== row.id)) } }),
    ),
    db.alertChannel.delete({ where: { id: row.id } }),
  ]);
}
