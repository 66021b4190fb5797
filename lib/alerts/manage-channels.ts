import crypto from 'node:crypto';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { encryptSecret } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { toChannelView } from './channel-view.ts';
import type { ChannelView, ZCreateChannel, ZUpdateChannel } from './channel-view.ts';

/** Every channel, oldest first (GET /api/alert-channels). */
export async function listChannels(p: { db?: PrismaClient } = {}): Promise<ChannelView[]> {
  const rows = await (p.db ?? prisma).alertChannel.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toChannelView);
}

/**
 * Create a channel. A webhook gets a random 32-byte secret (hex), stored encrypted (lib/crypto.ts) and answered
 * here once as `secret`: receivers verify X-Inboxwatch-Signature with it; it is never shown again.
 */
export async function createChannel(p: { input: z.infer<typeof ZCreateChannel>; db?: PrismaClient }): Promise<ChannelView & { secret?: string }> {
  const db = p.db ?? prisma;
  const { input } = p;
  const secret = input.kind === 'webhook' ? crypto.randomBytes(32).toString('hex') : undefined;
  const row = await db.alertChannel.create({
    data: {
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      delivery: input.delivery,
      config: JSON.stringify(input.kind === 'email' ? { to: input.to } : { url: input.url }),
      secret: secret ? encryptSecret(secret) : null,
    },
  });
  return { ...toChannelView(row), ...(secret ? { secret } : {}) };
}

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
