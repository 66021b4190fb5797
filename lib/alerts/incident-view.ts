import { z } from 'zod';
import type { AlertRule, Incident } from '../generated/prisma/client.ts';

/** One incident as the API answers it, with its rule's kind and name. */
export interface IncidentView {
  id: string;
  ruleId: string;
  ruleKind: string;
  ruleName: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  status: 'open' | 'acknowledged' | 'resolved';
  severity: string;
  title: string;
  detail: Record<string, unknown>;
  openedAt: Date;
  lastSeenAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  lastNotifiedAt: Date | null;
  occurrences: number;
}

/**
 * GET /api/incidents query: `status` open | acknowledged | resolved | live (open or acknowledged), `ruleId` or
 * `kind`, `subjectType`, `subjectId`, `subject` (part of the subject label, case-insensitive), `limit` (1–1000, 200).
 */
export const ZListIncidents = z
  .object({
    status: z.enum(['open', 'acknowledged', 'resolved', 'live']),
    ruleId: z.string().min(1),
    kind: z.string().min(1),
    subjectType: z.string().min(1),
    subjectId: z.string().min(1),
    subject: z.string().trim().min(1).max(200),
    limit: z.coerce.number().int().min(1).max(1000),
  })
  .partial()
  .strict();

/** Shape an incident row (with its rule) for the API; `detail` without the bookkeeping keys. */
export function toIncidentView(row: Incident & { rule: AlertRule }): IncidentView {
  const { notice: _notice, group: _group, ...detail } = JSON.parse(row.detail) as Record<string, unknown>;
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleKind: row.rule.kind,
    ruleName: row.rule.name,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    status: row.status as IncidentView['status'],
    severity: row.severity,
    title: row.title,
    detail,
    openedAt: row.openedAt,
    lastSeenAt: row.lastSeenAt,
    acknowledgedAt: row.acknowledgedAt,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
    lastNotifiedAt: row.lastNotifiedAt,
    occurrences: row.occurrences,
  };
}
