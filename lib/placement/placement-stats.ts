import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** Query of GET /api/placement-stats: `serverId` (optional: every server), `days` 1–365 (default 30). */
export const ZPlacementStats = z.object({
  serverId: z.string().min(1).optional(),
  days: z.coerce.number().int().min(1).max(365).default(30),
});

/** One provider on one UTC day (the charts' data points). */
export interface PlacementStatPoint {
  /** UTC day of the tests, YYYY-MM-DD. */
  day: string;
  provider: string;
  /** Seeds accepted by the relay whose placement is decided (inbox, tab, spam, other_folder or missing). */
  sent: number;
  inbox: number;
  tab: number;
  spam: number;
  other_folder: number;
  missing: number;
  /** (inbox + tab) / sent, percent 0–100 with one decimal. */
  inboxRate: number;
}

const DECIDED = ['inbox', 'tab', 'spam', 'other_folder', 'missing'] as const;

/**
 * Inbox rate per provider per day over the last `days` days (by test creation time, UTC days), oldest day first,
 * then by provider. Seeds still pending, refused by SMTP or whose mailbox failed are not counted: they say
 * nothing about where a receiver put the message. A Gmail tab counts as inbox (it is in the inbox).
 */
export async function placementStats(
  params: z.infer<typeof ZPlacementStats> & { db?: PrismaClient; now?: () => Date },
): Promise<PlacementStatPoint[]> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const since = new Date(now.getTime() - params.days * 86_400_000);
  const rows = await db.placementResult.findMany({
    where: {
      smtpOutcome: 'accepted',
      placement: { in: [...DECIDED] },
      test: { createdAt: { gte: since }, ...(params.serverId ? { serverId: params.serverId } : {}) },
    },
    select: { provider: true, placement: true, test: { select: { createdAt: true } } },
  });
  const points = new Map<string, PlacementStatPoint>();
  for (const r of rows) {
    const day = r.test.createdAt.toISOString().slice(0, 10);
    const key = `${day}|${r.provider}`;
    const p = points.get(key) ?? { day, provider: r.provider, sent: 0, inbox: 0, tab: 0, spam: 0, other_folder: 0, missing: 0, inboxRate: 0 };
    p.sent++;
    p[r.placement as (typeof DECIDED)[number]]++;
    points.set(key, p);
  }
  return [...points.values()]
    .map((p) => ({ ...p, inboxRate: Math.round(((p.inbox + p.tab) / p.sent) * 1000) / 10 }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.provider.localeCompare(b.provider));
}
