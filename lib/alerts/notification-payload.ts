import type { AlertSeverity, RuleKind } from './rule-kinds.ts';
import type { Notice } from './alert-types.ts';

/** The incident as notifications carry it (webhook `incident`, email body). */
export interface IncidentSnapshot {
  id: string;
  ruleKind: RuleKind;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  status: string;
  title: string;
  openedAt: string;
  resolvedAt: string | null;
  detail: Record<string, unknown>;
}

/**
 * What one Notification delivers (Notification.payload JSON): the notice, its severity and title, a plain-text
 * body, the message group (`listing:<assetId>@<evaluation>`: one message per asset per evaluation; `digest:…`:
 * the hour's digest of a channel), when it happened (ISO 8601 UTC) and the incident (null for a test).
 */
export interface NotificationPayload {
  kind: Notice | 'test';
  severity: AlertSeverity;
  title: string;
  text: string;
  group: string | null;
  at: string;
  incident: IncidentSnapshot | null;
}

const HIDDEN = new Set(['text', 'notice', 'group']);

/** `key: value` lines of a condition's detail (scalars and string lists), for the plain-text body. */
function detailLines(detail: Record<string, unknown>): string[] {
  const lines = typeof detail.text === 'string' ? [detail.text] : [];
  for (const [key, value] of Object.entries(detail)) {
    if (HIDDEN.has(key) || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) lines.push(`${key}: ${value.join(', ')}`);
    else if (typeof value !== 'object') lines.push(`${key}: ${String(value)}`);
  }
  return lines;
}

/**
 * The payload of an opening or recovery notice of one incident (pure). Title: the incident's title, prefixed
 * `Recovered: ` for a recovery. Text: the title, the subject, the detail lines and the time.
 */
export function buildNotificationPayload(p: { kind: Notice; severity: AlertSeverity; incident: IncidentSnapshot; group: string | null; now: Date }): NotificationPayload {
  const title = p.kind === 'recovered' ? `Recovered: ${p.incident.title}` : p.incident.title;
  const text = [
    title,
    `Subject: ${p.incident.subjectLabel} (${p.incident.subjectType})`,
    ...detailLines(p.incident.detail),
    `${p.kind === 'recovered' ? 'Recovered' : 'Opened'} at: ${p.now.toISOString()}`,
  ].join('\n');
  return { kind: p.kind, severity: p.severity, title, text, group: p.group, at: p.now.toISOString(), incident: p.incident };
}
