import { expect, test } from 'vitest';
import type { Condition, IncidentState, Observation, RuleState } from '../../../lib/alerts/alert-types.ts';
import { evaluateRules } from '../../../lib/alerts/evaluate-rules.ts';
import { DEFAULT_RULES, defaultRuleId, parseRuleParams } from '../../../lib/alerts/rule-kinds.ts';
import type { RuleKind } from '../../../lib/alerts/rule-kinds.ts';

const T0 = new Date('2030-03-01T10:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const RULES: RuleState[] = DEFAULT_RULES.map((r) => ({ id: defaultRuleId(r.kind), kind: r.kind, enabled: true, severity: r.severity, cooldownMinutes: r.cooldownMinutes }));
const cond = (kind: RuleKind, subjectType: string, subjectId: string, extra: Partial<Condition> = {}): Condition => ({
  kind,
  subjectType,
  subjectId,
  subjectLabel: subjectId,
  title: `${kind} ${subjectId}`,
  detail: {},
  ...extra,
});
const obs = (kind: RuleKind, active: Condition[], monitored?: string[]): Observation => ({ kind, active, ...(monitored ? { monitored } : {}) });

/** Apply a plan to an in-memory incident list the way applyAlertPlan does, so lifecycles can be followed. */
function step(incidents: IncidentState[], observations: Observation[], now: Date, rules = RULES) {
  const plan = evaluateRules({ rules, observations, incidents, now });
  const next = incidents.map((i) => ({ ...i }));
  plan.open.forEach((o, n) =>
    next.push({ id: `i${incidents.length + n}`, ruleId: o.ruleId, subjectType: o.condition.subjectType, subjectId: o.condition.subjectId, status: 'open', resolvedAt: null, lastNotifiedAt: o.notice ? now : null, notice: o.notice ? 'opened' : null }),
  );
  for (const k of plan.keep) {
    const i = next.find((x) => x.id === k.incidentId) as IncidentState;
    if (k.reopen) Object.assign(i, { status: 'open', resolvedAt: null });
    if (k.notice) Object.assign(i, { lastNotifiedAt: now, notice: 'opened' });
  }
  for (const r of plan.resolve) {
    const i = next.find((x) => x.id === r.incidentId) as IncidentState;
    Object.assign(i, { status: 'resolved', resolvedAt: now, ...(r.notice ? { lastNotifiedAt: now, notice: 'recovered' } : {}) });
  }
  return { plan, incidents: next };
}

test('default rules: every kind once with the documented defaults', () => {
  expect(DEFAULT_RULES.map((r) => [r.kind, r.severity, r.cooldownMinutes])).toEqual([
    ['listing_new', 'critical', 60],
    ['delisting', 'info', 60],
    ['zone_unhealthy', 'warning', 60],
    ['resolver_blocked', 'critical', 60],
    ['placement_inbox_rate', 'warning', 60],
    ['seed_missing', 'warning', 60],
    ['quota_threshold', 'warning', 60],
    ['quota_exhausted', 'critical', 60],
    ['server_unreachable', 'critical', 60],
    ['mailbox_unreachable', 'warning', 60],
    ['job_failed', 'warning', 60],
    ['reputation_below', 'warning', 60],
  ]);
  expect(parseRuleParams('listing_new', {})).toEqual({ minSeverity: 'medium' });
  expect(parseRuleParams('zone_unhealthy', {})).toEqual({ sweeps: 2 });
  expect(parseRuleParams('placement_inbox_rate', {})).toEqual({ threshold: 70, windowHours: 24, minSamples: 5 });
  expect(parseRuleParams('reputation_below', {})).toEqual({ threshold: 50 });
  expect(() => parseRuleParams('reputation_below', { threshold: 120 })).toThrow();
});

test('lifecycle: a condition opens one incident with one notice, holds without notices, clears with one recovery', () => {
  const zone = cond('zone_unhealthy', 'zone', 'bl.test');
  let s = step([], [obs('zone_unhealthy', [zone])], at(0));
  expect(s.plan.open).toHaveLength(1);
  expect(s.plan.open[0].notice).toEqual({ kind: 'opened', channelsOf: 'rule-zone_unhealthy', severity: 'warning' });
  s = step(s.incidents, [obs('zone_unhealthy', [zone])], at(1));
  expect(s.plan).toMatchObject({ open: [], resolve: [], notices: 0 });
  expect(s.plan.keep).toEqual([{ incidentId: 'i0', reopen: false, condition: zone, notice: null }]);
  s = step(s.incidents, [obs('zone_unhealthy', [])], at(2));
  expect(s.plan.resolve).toEqual([{ incidentId: 'i0', notice: { kind: 'recovered', channelsOf: 'rule-zone_unhealthy', severity: 'warning' } }]);
  expect(s.incidents[0]).toMatchObject({ status: 'resolved', notice: 'recovered' });
});

test('cooldown with flapping: within 60 min the condition reopens the same incident silently; after it, the user hears it is open again', () => {
  const r = cond('resolver_blocked', 'resolver', 'dnsbl');
  const notices: string[] = [];
  let incidents: IncidentState[] = [];
  // Flaps every 5 minutes for 40 minutes: open, clear, open, clear …
  for (let m = 0; m <= 40; m += 5) {
    const s = step(incidents, [obs('resolver_blocked', m % 10 === 0 ? [r] : [])], at(m));
    notices.push(...[...s.plan.open, ...s.plan.keep, ...s.plan.resolve].flatMap((x) => (x.notice ? [`${m}:${x.notice.kind}`] : [])));
    incidents = s.incidents;
  }
  // One opening and its recovery; the later openings reuse incident i0 without a notice, their clearings are silent.
  expect(notices).toEqual(['0:opened', '5:recovered']);
  expect(incidents).toHaveLength(1);
  expect(incidents[0]).toMatchObject({ status: 'open', notice: 'recovered' });
  // Still open at 66 min (the last notice was at 5 min): the cooldown has passed, so the opening is told again.
  const later = step(incidents, [obs('resolver_blocked', [r])], at(66));
  expect(later.plan.keep[0].notice).toMatchObject({ kind: 'opened' });
  // A clearing after the cooldown with a notified opening is recovered again.
  const cleared = step(later.incidents, [obs('resolver_blocked', [])], at(67));
  expect(cleared.plan.resolve[0].notice).toMatchObject({ kind: 'recovered' });
});

test('a condition back after the cooldown opens a new incident with a notice (history kept)', () => {
  const s1 = step([], [obs('job_failed', [cond('job_failed', 'job', 'dnsbl.sweep')])], at(0));
  const s2 = step(s1.incidents, [obs('job_failed', [])], at(10));
  const s3 = step(s2.incidents, [obs('job_failed', [cond('job_failed', 'job', 'dnsbl.sweep')])], at(71));
  expect(s3.plan.open).toHaveLength(1);
  expect(s3.plan.open[0].notice?.kind).toBe('opened');
  expect(s3.incidents.map((i) => i.status)).toEqual(['resolved', 'open']);
});

test('an incident never notified (no channel) that is resolved by hand and comes back within the cooldown reopens, and is still owed its notice', () => {
  const resolvedByHand: IncidentState = { id: 'i0', ruleId: defaultRuleId('job_failed'), subjectType: 'job', subjectId: 'dnsbl.sweep', status: 'resolved', resolvedAt: at(5), lastNotifiedAt: null, notice: null };
  const s1 = step([resolvedByHand], [obs('job_failed', [cond('job_failed', 'job', 'dnsbl.sweep')])], at(20));
  expect(s1.plan.open).toEqual([]);
  expect(s1.plan.keep).toMatchObject([{ incidentId: 'i0', reopen: true, notice: null }]);
  const s2 = step(s1.incidents, [obs('job_failed', [cond('job_failed', 'job', 'dnsbl.sweep')])], at(21));
  expect(s2.plan.keep[0].notice?.kind).toBe('opened');
});

test('a listing recovers through the delisting rule, grouped per asset; with the delisting rule off it resolves silently', () => {
  const listing = cond('listing_new', 'target', 'a1|192.0.2.1|bl.test', { group: 'listing:a1' });
  const s1 = step([], [obs('listing_new', [listing])], at(0));
  expect(s1.plan.open[0].notice).toEqual({ kind: 'opened', channelsOf: 'rule-listing_new', severity: 'critical', group: 'listing:a1' });
  const withGroup = s1.incidents.map((i) => ({ ...i, group: 'listing:a1' }));
  const delisted = evaluateRules({ rules: RULES, observations: [obs('listing_new', [], ['target:a1|192.0.2.1|bl.test'])], incidents: withGroup, now: at(3) });
  expect(delisted.resolve).toEqual([{ incidentId: 'i0', notice: { kind: 'recovered', channelsOf: 'rule-delisting', severity: 'info', group: 'listing:a1' } }]);
  const off = RULES.map((r) => (r.kind === 'delisting' ? { ...r, enabled: false } : r));
  const silent = evaluateRules({ rules: off, observations: [obs('listing_new', [], ['target:a1|192.0.2.1|bl.test'])], incidents: withGroup, now: at(3) });
  expect(silent.resolve).toEqual([{ incidentId: 'i0', notice: null }]);
});

test('a subject no longer monitored (asset deleted) resolves without a recovery; an unobserved kind keeps its incidents', () => {
  const s1 = step([], [obs('server_unreachable', [cond('server_unreachable', 'server', 's1')]), obs('seed_missing', [cond('seed_missing', 'mailbox', 'm1')])], at(0));
  const gone = evaluateRules({ rules: RULES, observations: [obs('server_unreachable', [], [])], incidents: s1.incidents, now: at(1) });
  expect(gone.resolve).toEqual([{ incidentId: 'i0', notice: null }]);
  expect(gone.keep).toEqual([]);
});

test('a disabled rule opens nothing and resolves its live incidents silently', () => {
  const s1 = step([], [obs('reputation_below', [cond('reputation_below', 'ip', '192.0.2.1')])], at(0));
  const off = RULES.map((r) => (r.kind === 'reputation_below' ? { ...r, enabled: false } : r));
  const plan = evaluateRules({ rules: off, observations: [obs('reputation_below', [cond('reputation_below', 'ip', '192.0.2.9')])], incidents: s1.incidents, now: at(1) });
  expect(plan.open).toEqual([]);
  expect(plan.resolve).toEqual([{ incidentId: 'i0', notice: null }]);
});

test('quota thresholds: each crossed threshold is its own incident and notice; the window reset resolves them silently', () => {
  const q = (t: number) => cond('quota_threshold', 'quota', `q1@${t}`);
  const s1 = step([], [obs('quota_threshold', [q(80)])], at(0));
  expect(s1.plan.open.map((o) => [o.condition.subjectId, o.notice?.kind])).toEqual([['q1@80', 'opened']]);
  const s2 = step(s1.incidents, [obs('quota_threshold', [q(80), q(90)])], at(5));
  expect(s2.plan.open.map((o) => o.condition.subjectId)).toEqual(['q1@90']);
  expect(s2.plan.notices).toBe(1);
  const s3 = step(s2.incidents, [obs('quota_threshold', [])], at(6));
  expect(s3.plan.resolve.map((r) => r.notice)).toEqual([null, null]);
});

test('each rule kind: its condition opens an incident on its subject with the rule severity', () => {
  const cases: [RuleKind, string, string][] = [
    ['listing_new', 'target', 'a|192.0.2.1|bl.test'],
    ['zone_unhealthy', 'zone', 'bl.test'],
    ['resolver_blocked', 'resolver', 'dnsbl'],
    ['placement_inbox_rate', 'placement', 's1|gmail'],
    ['seed_missing', 'mailbox', 'm1'],
    ['quota_threshold', 'quota', 'q1@80'],
    ['quota_exhausted', 'quota', 'q1'],
    ['server_unreachable', 'server', 's1'],
    ['mailbox_unreachable', 'mailbox', 'm1'],
    ['job_failed', 'job', 'dnsbl.sweep'],
    ['reputation_below', 'ip', '192.0.2.1'],
  ];
  const plan = evaluateRules({ rules: RULES, observations: cases.map(([k, t, id]) => obs(k, [cond(k, t, id)])), incidents: [], now: at(0) });
  expect(plan.open.map((o) => [o.ruleId, o.condition.subjectType, o.condition.subjectId, o.severity])).toEqual(
    cases.map(([k, t, id]) => [defaultRuleId(k), t, id, DEFAULT_RULES.find((r) => r.kind === k)?.severity]),
  );
  expect(plan.notices).toBe(cases.length);
});
