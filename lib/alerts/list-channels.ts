import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toChannelView } from './channel-view.ts';
import type { ChannelView } from './channel-view.ts';

/** Every channel, oldest first (GET /api/alert-channels). */
export async function listChannels(p: { db?: PrismaClient } = {}): Promise<ChannelView[]> {
  const rows = await (p.db ?? prisma).alertChannel.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toChannelView);
}
