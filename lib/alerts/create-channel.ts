import crypto from 'node:crypto';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { encryptSecret } from '../crypto.ts';
import { toChannelView } from './channel-view.ts';
import type { ChannelView, ZCreateChannel } from './channel-view.ts';

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
