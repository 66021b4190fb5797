import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toChannelView } from './channel-view.ts';
import type { ChannelView, ZUpdateChannel } from './channel-view.ts';

/**
 * Change a channel's name, enabled flag, delivery mode, `to` (email) or `url` (webhook; the secret stays).
 * @throws AppError('not_found'); AppError('invalid_input') for `to` on a webhook or `url` on an email channel.
 */
export async function updateChannel(p: { id: string; patch: z.infer<typeof ZUpdateChannel>; db?: PrismaClient }): Promise<ChannelView> {
  const db = p.db ?? prisma;
  const row = await db.alertChannel.findUnique({ where: { id: p.id } });
  if (!row) throw new AppError('not_found', `no alert channel ${p.id}`);
  const { to, url, ...rest } = p.patch;
  if (to && row.kind !== 'email') throw new AppError('invalid_input', 'to: only email channels have addresses');
  if (url && row.kind !== 'webhook') throw new AppError('invalid_input', 'url: only webhook channels have a URL');
  const config = to ? { to } : url ? { url } : null;
  const updated = await db.alertChannel.update({ where: { id: row.id }, data: { ...rest, ...(config ? { config: JSON.stringify(config) } : {}) } });
  return toChannelView(updated);
}
