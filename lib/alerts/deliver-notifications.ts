import type { AlertChannel, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { decryptSecret } from '../crypto.ts';
import { logger } from '../logger.ts';
import type { AlertTransport } from './alert-transport.ts';
import { readChannelConfig } from './channel-config.ts';
import { composeMessage } from './compose-message.ts';
import { deliverEmail } from './channels/email.ts';
import type { DeliveryResult } from './channels/delivery-result.ts';
import { deliverWebhook } from './channels/webhook.ts';
import type { NotificationPayload } from './notification-payload.ts';
import { groupBatches, nextAttemptAt } from './plan-delivery.ts';

/** Boundaries of delivery, injectable in tests: the SMTP transport of email channels and fetch of webhooks. */
export interface DeliveryDeps {
  transport?: AlertTransport | null;
  fetchFn?: typeof fetch;
}

/**
 * Send one message made of `payloads` to one channel (email: composeMessage's subject, text and HTML; webhook: JSON
 * `{ text, event, incident, notifications, sentAt }`, `text` being the subject and body for Slack).
 * @returns the channel's answer; never throws for delivery failures (a secret that cannot be decrypted is a
 *   non-retryable error).
 */
export async function deliverToChannel(p: { channel: AlertChannel; payloads: NotificationPayload[]; digest: boolean; now: Date; db?: PrismaClient } & DeliveryDeps): Promise<DeliveryResult> {
  const message = composeMessage({ payloads: p.payloads, digest: p.digest });
  const parsed = readChannelConfig(p.channel);
  if (parsed.kind === 'email') return deliverEmail({ config: parsed.config, message, db: p.db, transport: p.transport });
  let secret: string;
  try {
    secret = decryptSecret(p.channel.secret ?? '');
  } catch (err) {
    return { ok: false, error: (err as Error).message, retryable: false };
  }
  const body = {
    text: `${message.subject}\n${message.text}`,
    event: p.digest ? 'digest' : p.payloads[0].kind,
    incident: p.payloads[0].incident,
    notifications: p.payloads,
    sentAt: p.now.toISOString(),
  };
  return deliverWebhook({ config: parsed.config, secret, body, now: p.now, fetchFn: p.fetchFn });
}

/**
 * Deliver every due notification: `pending` ones whose nextAttemptAt has come (new, or a retry) and
 * `queued_digest` ones whose hour is over. Batches (groupBatches) become one message each. Per notification:
 * `attempts` + 1; sent → `sent` with sentAt; failed → `lastError` and, while attempts remain and the error is
 * retryable, `pending` again at nextAttemptAt (1, 5, 15, 60 min), else `failed`. A disabled channel fails its
 * notifications with that reason. Never throws for delivery failures.
 * @returns counts of notifications sent, retrying (pending again) and failed.
 */
export async function deliverDueNotifications(p: { db?: PrismaClient; now: Date } & DeliveryDeps): Promise<{ sent: number; retrying: number; failed: number }> {
  const db = p.db ?? prisma;
  const rows = await db.notification.findMany({
    where: { status: { in: ['pending', 'queued_digest'] }, nextAttemptAt: { lte: p.now } },
    include: { channel: true },
    orderBy: { createdAt: 'asc' },
  });
  const items = rows.map((r) => ({ ...r, group: (JSON.parse(r.payload) as NotificationPayload).group }));
  const counts = { sent: 0, retrying: 0, failed: 0 };
  for (const batch of groupBatches(items)) {
    const channel = batch.items[0].channel;
    const payloads = batch.items.map((i) => JSON.parse(i.payload) as NotificationPayload);
    const result: DeliveryResult = channel.enabled
      ? await deliverToChannel({ channel, payloads, digest: batch.group?.startsWith('digest:') ?? false, now: p.now, db, transport: p.transport, fetchFn: p.fetchFn })
      : { ok: false, error: 'the channel is disabled', retryable: false };
    for (const item of batch.items) {
      const attempts = item.attempts + 1;
      if (result.ok) {
        await db.notification.update({ where: { id: item.id }, data: { status: 'sent', attempts, sentAt: p.now, lastError: null, nextAttemptAt: null } });
        counts.sent++;
        continue;
      }
      const next = result.retryable ? nextAttemptAt({ attempts, now: p.now }) : null;
      await db.notification.update({
        where: { id: item.id },
        data: { status: next ? 'pending' : 'failed', attempts, lastError: result.error, nextAttemptAt: next },
      });
      if (next) counts.retrying++;
      else counts.failed++;
    }
    if (!result.ok) logger.warn({ channelId: channel.id, notifications: batch.items.length, error: result.error }, 'alert delivery failed');
  }
  return counts;
}
