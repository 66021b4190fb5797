import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toIncidentView } from './incident-view.ts';
import type { IncidentView, ZListIncidents } from './incident-view.ts';

const SEVERITY_RANK: Record<string, number> = { critical: 0, warning: 1, info: 2 };
const STATUS_RANK: Record<string, number> = { open: 0, acknowledged: 1, resolved: 2 };

/**
 * Incidents matching the filters (see ZListIncidents): open first, then acknowledged, then resolved (the history);
 * within each, critical before warning before info, then the most recently opened first.
 */
export async function listIncidents(p: { query?: z.infer<typeof ZListIncidents>; db?: PrismaClient } = {}): Promise<IncidentView[]> {
  const q = p.query ?? {};
  const rows = await (p.db ?? prisma).incident.findMany({
    where: {
      ...(q.status === 'live' ? { status: { not: 'resolved' } } : q.status ? { status: q.status } : {}),
      ...(q.ruleId ? { ruleId: q.ruleId } : {}),
      ...(q.kind ? { rule: { kind: q.kind } } : {}),
      ...(q.subjectType ? { subjectType: q.subjectType } : {}),
      ...(q.subjectId ? { subjectId: q.subjectId } : {}),
      ...(q.subject ? { subjectLabel: { contains: q.subject } } : {}),
    },
    include: { rule: true },
    orderBy: { openedAt: 'desc' },
    take: q.limit ?? 200,
  });
  return rows
    .map(toIncidentView)
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || b.openedAt.getTime() - a.openedAt.getTime());
}
