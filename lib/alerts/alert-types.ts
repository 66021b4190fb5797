import type { AlertSeverity, RuleKind } from './rule-kinds.ts';

/**
 * One subject for which a rule's condition holds now, e.g. `{ kind: 'zone_unhealthy', subjectType: 'zone',
 * subjectId: 'bl.test', subjectLabel: 'bl.test', title: 'Zone bl.test unhealthy for 3 sweeps', detail: {...} }`.
 * `group` puts notifications of one evaluation into one message per channel (a listing's asset: issue 2's
 * "one message per asset per sweep").
 */
export interface Condition {
  kind: RuleKind;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  title: string;
  detail: Record<string, unknown>;
  group?: string;
}

/**
 * What was observed for one rule kind in this evaluation. `active` is complete: a live incident of this kind
 * whose subject is not in it has cleared. `monitored`, when given, lists the subject keys (`type:id`) still
 * watched whose condition is false: a cleared incident whose subject is not among them (asset, server or mailbox
 * deleted or disabled, zone turned off) resolves without a recovery notice. A kind that could not be observed
 * (its source failed) is left out, and its incidents stay as they are.
 */
export interface Observation {
  kind: RuleKind;
  active: Condition[];
  monitored?: string[];
}

/** An alert rule as evaluateRules needs it. */
export interface RuleState {
  id: string;
  kind: RuleKind;
  enabled: boolean;
  severity: AlertSeverity;
  cooldownMinutes: number;
}

/** The last notice the user was sent about an incident: the opening, or the recovery. */
export type Notice = 'opened' | 'recovered';

/**
 * An incident as evaluateRules needs it: every live one (open, acknowledged) and, per (rule, subject), the most
 * recently resolved one (for the cooldown).
 */
export interface IncidentState {
  id: string;
  ruleId: string;
  subjectType: string;
  subjectId: string;
  status: 'open' | 'acknowledged' | 'resolved';
  resolvedAt: Date | null;
  lastNotifiedAt: Date | null;
  notice: Notice | null;
  /** The message group of its condition (a listing's asset), reused by its recovery notice. */
  group?: string;
}

/** A notice to queue for every channel of `channelsOf` (the rule whose channels and severity apply). */
export interface PlannedNotice {
  kind: Notice;
  channelsOf: string;
  severity: AlertSeverity;
  group?: string;
}

/** The plan of one evaluation (applied by applyAlertPlan). */
export interface AlertPlan {
  /** New incidents. */
  open: { ruleId: string; severity: AlertSeverity; condition: Condition; notice: PlannedNotice | null }[];
  /** Resolved incidents reopened within the cooldown (no notice), or live incidents still holding (lastSeenAt). */
  keep: { incidentId: string; reopen: boolean; condition: Condition; notice: PlannedNotice | null }[];
  /** Live incidents whose condition cleared (`auto`), with their recovery notice, if any. */
  resolve: { incidentId: string; notice: PlannedNotice | null }[];
  /** How many notices the plan holds. */
  notices: number;
}
