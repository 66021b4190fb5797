import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import type { DeliveryDeps } from './deliver-notifications.ts';
import { deliverToChannel } from './deliver-notifications.ts';
import type { NotificationPayload } from './notification-payload.ts';

/** The outcome of "Send test": the Notification row's id, `sent` or `failed`, and the channel's error. */
export interface TestNotificationResult {
  id: string;
  status: 'sent' | 'failed';
  lastError: string | null;
}

/**
 * "Send test" for one channel: deliver a test notification now (also for digest channels), record it in the
 * delivery log (kind `test`, one attempt, no retry) and answer how it went; a failure is an answer, not an error.
 * @throws AppError('not_found') for an unknown channel.
 */
export async function sendTestNotification(p: { id: string; db?: PrismaClient; now?: () => Date } & DeliveryDeps): Promise<TestNotificationResult> {
  const db = p.db ?? prisma;
  const channel = await db.alertChannel.findUnique({ where: { id: p.id } });
  if (!channel) throw new AppError('not_found', `no alert channel ${p.id}`);
  const now = (p.now ?? (() => new Date()))();
  const title = `Test notification for channel ${channel.name}`;
  const payload: NotificationPayload = {
    kind: 'test',
    severity: 'info',
    title,
    text: `${title}, sent at ${now.toISOString()}. Alerts for new listings, delistings, placement, quotas and jobs will arrive like this.`,
    group: null,
    at: now.toISOString(),
    incident: null,
  };
  const result = await deliverToChannel({ channel, payloads: [payload], digest: false, now, db, transport: p.transport, fetchFn: p.fetchFn });
  const row = await db.notification.create({
    data: {
      channelId: channel.id,
      kind: 'test',
      status: result.ok ? 'sent' : 'failed',
      payload: JSON.stringify(payload),
      attempts: 1,
      lastError: result.ok ? null : result.error,
      sentAt: result.ok ? now : null,
    },
  });
  return { id: row.id, status: result.ok ? 'sent' : 'failed', lastError: result.ok ? null : result.error };
}
