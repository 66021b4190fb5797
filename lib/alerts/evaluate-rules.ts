import type { AlertPlan, IncidentState, Observation, PlannedNotice, RuleState } from './alert-types.ts';
import type { RuleKind } from './rule-kinds.ts';

/** The key of a subject within a rule: `type:id`. */
export function subjectKey(p: { subjectType: string; subjectId: string }): string {
  return `${p.subjectType}:${p.subjectId}`;
}

/**
 * The rule whose channels and severity carry a kind's recovery notices: a listing's recovery is its delisting, so
 * listing_new incidents recover through the delisting rule (no notice when that rule is off). Quota thresholds
 * recover silently: a window reset is not news, only each crossing is.
 */
function recoveryRule(kind: RuleKind, rules: Map<RuleKind, RuleState>): RuleState | null {
  if (kind === 'quota_threshold') return null;
  const rule = kind === 'listing_new' ? rules.get('delisting') : rules.get(kind);
  return rule && rule.enabled ? rule : null;
}

/**
 * Decide what an evaluation changes (pure; `now` injected). Per (rule, subject), one live incident at most.
 * - Condition holds, no live incident: if the most recent incident of that (rule, subject) was notified less than
 *   the rule's cooldown ago, it is reopened without a notice (a flapping condition); otherwise a new incident opens
 *   with an `opened` notice.
 * - Condition holds, live incident: kept (lastSeenAt, detail). If it is open, was reopened silently after a
 *   recovery notice and the cooldown has passed since the last notice, the user is told it is open again.
 * - Condition cleared (its kind observed, subject absent): resolved `auto`; a recovery notice follows only when the
 *   user was told it opened (notice `opened`), so each notified opening gets exactly one recovery, and a flapping
 *   condition produces at most one opening and one recovery per cooldown. Subjects no longer monitored (see
 *   Observation.monitored) and incidents of a disabled rule resolve without a notice. Kinds not observed keep their incidents.
 * - listing_new is recovered by the delisting rule (its channels, its severity); quota_threshold recovers silently.
 * @returns open / keep / resolve lists, each with its notice (null: none) and the number of notices.
 */
export function evaluateRules(p: { rules: RuleState[]; observations: Observation[]; incidents: IncidentState[]; now: Date }): AlertPlan {
  const plan: AlertPlan = { open: [], keep: [], resolve: [], notices: 0 };
  const rulesByKind = new Map(p.rules.map((r) => [r.kind, r]));
  const rulesById = new Map(p.rules.map((r) => [r.id, r]));
  const live = new Map<string, IncidentState>();
  const lastResolved = new Map<string, IncidentState>();
  for (const i of p.incidents) {
    const key = `${i.ruleId}|${subjectKey(i)}`;
    if (i.status !== 'resolved') live.set(key, i);
    else if ((i.resolvedAt?.getTime() ?? 0) >= (lastResolved.get(key)?.resolvedAt?.getTime() ?? -1)) lastResolved.set(key, i);
  }
  const withinCooldown = (rule: RuleState, at: Date | null) => at !== null && p.now.getTime() - at.getTime() < rule.cooldownMinutes * 60_000;
  const notice = (n: PlannedNotice | null) => {
    if (n) plan.notices++;
    return n;
  };
  const seen = new Set<string>();

  for (const obs of p.observations) {
    const rule = rulesByKind.get(obs.kind);
    if (!rule || !rule.enabled) continue;
    for (const c of obs.active) {
      const key = `${rule.id}|${subjectKey(c)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const opened: PlannedNotice = { kind: 'opened', channelsOf: rule.id, severity: rule.severity, ...(c.group ? { group: c.group } : {}) };
      const current = live.get(key);
      if (current) {
        const owed = current.status === 'open' && current.notice !== 'opened' && !withinCooldown(rule, current.lastNotifiedAt);
        plan.keep.push({ incidentId: current.id, reopen: false, condition: c, notice: notice(owed ? opened : null) });
        continue;
      }
      const previous = lastResolved.get(key);
      // Flapping: back within the cooldown of its last notice (or of its resolution when it was never notified,
      // e.g. no channel existed) → the same incident reopens without a new notice.
      if (previous && withinCooldown(rule, previous.lastNotifiedAt ?? previous.resolvedAt)) {
        plan.keep.push({ incidentId: previous.id, reopen: true, condition: c, notice: null });
        continue;
      }
      plan.open.push({ ruleId: rule.id, severity: rule.severity, condition: c, notice: notice(opened) });
    }
  }

  const observed = new Map(p.observations.map((o) => [o.kind, o]));
  for (const [key, incident] of live) {
    if (seen.has(key)) continue;
    const rule = rulesById.get(incident.ruleId);
    if (!rule) continue;
    const obs = observed.get(rule.kind);
    if (rule.enabled && !obs) continue;
    const retired = obs?.monitored !== undefined && !obs.monitored.includes(subjectKey(incident));
    const silent = !rule.enabled || retired || incident.notice !== 'opened';
    const by = silent ? null : recoveryRule(rule.kind, rulesByKind);
    const recovered: PlannedNotice | null = by
      ? { kind: 'recovered', channelsOf: by.id, severity: by.severity, ...(incident.group ? { group: incident.group } : {}) }
      : null;
    plan.resolve.push({ incidentId: incident.id, notice: notice(recovered) });
  }
  return plan;
}
