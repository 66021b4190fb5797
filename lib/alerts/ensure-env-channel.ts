import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';

/** Id of the email channel made from the environment. */
export const ENV_CHANNEL_ID = 'channel-env-email';

/**
 * A fresh install alerts as the README says: when ALERT_SMTP_URL is set and no channel exists, create the email
 * channel "Email (alert recipients)" with an empty `to`, which means the alert recipients of Settings, else
 * ALERT_EMAIL_TO. Deleting every channel while ALERT_SMTP_URL is set brings it back; disable it to stop email.
 * @returns true when it created the channel.
 */
export async function ensureEnvChannel(p: { db?: PrismaClient } = {}): Promise<boolean> {
  const db = p.db ?? prisma;
  if (!env().ALERT_SMTP_URL || (await db.alertChannel.count()) > 0) return false;
  await db.alertChannel.upsert({
    where: { id: ENV_CHANNEL_ID },
    create: { id: ENV_CHANNEL_ID, name: 'Email (alert recipients)', kind: 'email', delivery: 'immediate', config: JSON.stringify({ to: [] }) },
    update: {},
  });
  return true;
}
