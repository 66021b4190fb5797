import type { AlertChannel, AlertRule, Incident, PrismaClient } from '../generated/prisma/client.ts';
import type { AlertPlan, Condition, PlannedNotice } from './alert-types.ts';
import type { IncidentSnapshot } from './notification-payload.ts';
import { buildNotificationPayload } from './notification-payload.ts';
import { digestDueAt } from './plan-delivery.ts';
import type { AlertSeverity, RuleKind } from './rule-kinds.ts';

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** The counts of an applied plan. */
export interface AppliedPlan {
  opened: number;
  reopened: number;
  resolved: number;
  /** Notification rows queued (one per notice per channel). */
  queued: number;
}

/** The stored detail of an incident: the condition's detail plus the last notice and the message group. */
function storedDetail(c: Condition | null, previous: Record<string, unknown>, notice: string | null): string {
  return JSON.stringify({ ...(c ? c.detail : previous), notice, group: c?.group ?? previous.group ?? null });
}

function snapshot(row: Incident, kind: RuleKind): IncidentSnapshot {
  return {
    id: row.id,
    ruleKind: kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    status: row.status,
    title: row.title,
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

/**
 * Write an evaluation's plan (evaluateRules) and queue its notices, one transaction per incident:
 * - open: a new incident (openKey `${ruleId}:${subjectType}:${subjectId}`: one live incident per rule and subject;
 *   another process opening it first makes this one a no-op);
 * - keep: lastSeenAt and detail; a reopen (within the cooldown) sets it open again with occurrences + 1;
 * - resolve: `resolved` by `auto`, openKey cleared.
 * Each notice becomes one Notification per channel of its rule (channelIds, empty = every enabled channel):
 * `pending` now for immediate channels; `queued_digest` until the next full hour for hourly-digest channels.
 * Listing notices share the group `listing:<assetId>@<evaluationId>` (one message per asset per evaluation).
 * A notice whose rule has no enabled channel is not recorded as sent, so the incident is notified once one exists.
 */
export async function applyAlertPlan(p: { db: PrismaClient; plan: AlertPlan; rules: AlertRule[]; channels: AlertChannel[]; now: Date; evaluationId: string }): Promise<AppliedPlan> {
  const { db, now } = p;
  const rules = new Map(p.rules.map((r) => [r.id, r]));
  const counts: AppliedPlan = { opened: 0, reopened: 0, resolved: 0, queued: 0 };
  const kindOf = (incident: Incident) => rules.get(incident.ruleId)?.kind as RuleKind;

  const channelsOf = (notice: PlannedNotice) => {
    const ids = JSON.parse(rules.get(notice.channelsOf)?.channelIds ?? '[]') as string[];
    return p.channels.filter((c) => c.enabled && (ids.length === 0 || ids.includes(c.id)));
  };
  // A notice with no channel to carry it is not a notification: the incident stays owed (lastNotifiedAt null,
  // notice unset), so it is sent once a channel exists.
  const deliverable = (notice: PlannedNotice | null | undefined): notice is PlannedNotice => !!notice && channelsOf(notice).length > 0;

  const queue = async (tx: Tx, notice: PlannedNotice, incident: Incident) => {
    for (const channel of channelsOf(notice)) {
      const digest = channel.delivery === 'hourly_digest';
      const due = digest ? digestDueAt(now) : now;
      const group = digest ? `digest:${channel.id}:${due.toISOString()}` : notice.group ? `${notice.group}@${p.evaluationId}` : null;
      const payload = buildNotificationPayload({ kind: notice.kind, severity: notice.severity as AlertSeverity, incident: snapshot(incident, kindOf(incident)), group, now });
      await tx.notification.create({
        data: { channelId: channel.id, incidentId: incident.id, kind: notice.kind, status: digest ? 'queued_digest' : 'pending', payload: JSON.stringify(payload), nextAttemptAt: due },
      });
      counts.queued++;
    }
  };

  for (const o of p.plan.open) {
    const c = o.condition;
    const openKey = `${o.ruleId}:${c.subjectType}:${c.subjectId}`;
    if (await db.incident.findUnique({ where: { openKey }, select: { id: true } })) continue;
    await db.$transaction(async (tx) => {
      const incident = await tx.incident.create({
        data: {
          ruleId: o.ruleId,
          subjectType: c.subjectType,
          subjectId: c.subjectId,
          subjectLabel: c.subjectLabel,
          openKey,
          severity: o.severity,
          title: c.title,
          detail: storedDetail(c, {}, deliverable(o.notice) ? 'opened' : null),
          openedAt: now,
          lastSeenAt: now,
          lastNotifiedAt: deliverable(o.notice) ? now : null,
        },
      });
      if (deliverable(o.notice)) await queue(tx, o.notice, incident);
    });
    counts.opened++;
  }

  const touched = await db.incident.findMany({ where: { id: { in: [...p.plan.keep.map((k) => k.incidentId), ...p.plan.resolve.map((r) => r.incidentId)] } } });
  const byId = new Map(touched.map((i) => [i.id, i]));
  for (const k of p.plan.keep) {
    const row = byId.get(k.incidentId);
    if (!row) continue;
    const previous = JSON.parse(row.detail) as Record<string, unknown>;
    const c = k.condition;
    await db.$transaction(async (tx) => {
      const incident = await tx.incident.update({
        where: { id: row.id },
        data: {
          subjectLabel: c.subjectLabel,
          title: c.title,
          lastSeenAt: now,
          detail: storedDetail(c, previous, deliverable(k.notice) ? 'opened' : ((previous.notice as string | null) ?? null)),
          ...(deliverable(k.notice) ? { lastNotifiedAt: now } : {}),
          ...(k.reopen
            ? { status: 'open', openKey: `${row.ruleId}:${row.subjectType}:${row.subjectId}`, resolvedAt: null, resolvedBy: null, acknowledgedAt: null, occurrences: { increment: 1 } }
            : {}),
        },
      });
      if (deliverable(k.notice)) await queue(tx, k.notice, incident);
    });
    if (k.reopen) counts.reopened++;
  }

  for (const r of p.plan.resolve) {
    const row = byId.get(r.incidentId);
    if (!row || row.status === 'resolved') continue;
    const previous = JSON.parse(row.detail) as Record<string, unknown>;
    await db.$transaction(async (tx) => {
      const incident = await tx.incident.update({
        where: { id: row.id },
        data: {
          status: 'resolved',
          openKey: null,
          resolvedAt: now,
          resolvedBy: 'auto',
          detail: storedDetail(null, previous, deliverable(r.notice) ? 'recovered' : ((previous.notice as string | null) ?? null)),
          ...(deliverable(r.notice) ? { lastNotifiedAt: now } : {}),
        },
      });
      if (deliverable(r.notice)) await queue(tx, r.notice, incident);
    });
    counts.resolved++;
  }
  return counts;
}
