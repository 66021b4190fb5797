import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import type { NotificationPayload } from './notification-payload.ts';

/** One delivery as the delivery log shows it. */
export interface NotificationView {
  id: string;
  channelId: string;
  channelName: string;
  incidentId: string | null;
  kind: string;
  status: string;
  title: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** GET /api/notifications query: `channelId`, `incidentId`, `status` (pending | queued_digest | sent | failed), `limit` (1–1000, 100). */
export const ZListNotifications = z
  .object({
    channelId: z.string().min(1),
    incidentId: z.string().min(1),
    status: z.enum(['pending', 'queued_digest', 'sent', 'failed']),
    limit: z.coerce.number().int().min(1).max(1000),
  })
  .partial()
  .strict();

/** The delivery log, newest first: status, attempts, last error and next attempt of each notification. */
export async function listNotifications(p: { query?: z.infer<typeof ZListNotifications>; db?: PrismaClient } = {}): Promise<NotificationView[]> {
  const q = p.query ?? {};
  const rows = await (p.db ?? prisma).notification.findMany({
    where: { ...(q.channelId ? { channelId: q.channelId } : {}), ...(q.incidentId ? { incidentId: q.incidentId } : {}), ...(q.status ? { status: q.status } : {}) },
    include: { channel: { select: { name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit ?? 100,
  });
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channelId,
    channelName: r.channel.name,
    incidentId: r.incidentId,
    kind: r.kind,
    status: r.status,
    title: (JSON.parse(r.payload) as NotificationPayload).title,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt,
    sentAt: r.sentAt,
    createdAt: r.createdAt,
  }));
}
