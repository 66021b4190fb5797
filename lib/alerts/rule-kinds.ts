import { z } from 'zod';

/** Every alert rule kind (AlertRule.kind), design §7 and issue 4 "Alerts". */
export const RULE_KINDS = [
  'listing_new',
  'delisting',
  'zone_unhealthy',
  'resolver_blocked',
  'placement_inbox_rate',
  'seed_missing',
  'quota_threshold',
  'quota_exhausted',
  'server_unreachable',
  'mailbox_unreachable',
  'job_failed',
  'reputation_below',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Incident and notification severity words (AlertRule.severity). */
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const zoneSeverity = z.enum(['info', 'low', 'medium', 'high', 'critical']);
const none = z.object({}).strict();

/**
 * Parameters per kind (AlertRule.params JSON), with their defaults:
 * - listing_new `{ minSeverity: 'medium' }`: the highest catalog severity of the listing's return codes must reach it;
 * - zone_unhealthy `{ sweeps: 2 }`: consecutive failed sweeps (Zone.failedSweeps) before it counts;
 * - placement_inbox_rate `{ threshold: 70, windowHours: 24, minSamples: 5 }`: inbox share in percent (Gmail tabs
 *   count as inbox) of the finished seeds per (server, provider) of the tests created in the window;
 * - reputation_below `{ threshold: 50 }`: score 0–100;
 * - every other kind: no parameters.
 */
export const RULE_PARAMS = {
  listing_new: z.object({ minSeverity: zoneSeverity.default('medium') }).strict(),
  delisting: none,
  zone_unhealthy: z.object({ sweeps: z.number().int().min(1).max(100).default(2) }).strict(),
  resolver_blocked: none,
  placement_inbox_rate: z
    .object({
      threshold: z.number().min(0).max(100).default(70),
      windowHours: z.number().int().min(1).max(24 * 31).default(24),
      minSamples: z.number().int().min(1).max(10_000).default(5),
    })
    .strict(),
  seed_missing: none,
  quota_threshold: none,
  quota_exhausted: none,
  server_unreachable: none,
  mailbox_unreachable: none,
  job_failed: none,
  reputation_below: z.object({ threshold: z.number().min(0).max(100).default(50) }).strict(),
} satisfies Record<RuleKind, z.ZodType>;

/** The parameters of each kind after parsing (defaults filled in). */
export type RuleParams = { [K in RuleKind]: z.infer<(typeof RULE_PARAMS)[K]> };

/** One default rule as seeded on start (seedDefaultRules). */
export interface DefaultRule {
  kind: RuleKind;
  name: string;
  severity: AlertSeverity;
  cooldownMinutes: number;
}

/** The rules seeded on a fresh install: every kind once, enabled, every channel, 60-minute cooldown. */
export const DEFAULT_RULES: DefaultRule[] = [
  { kind: 'listing_new', name: 'New listing on a blocklist', severity: 'critical', cooldownMinutes: 60 },
  { kind: 'delisting', name: 'Delisting (recovery of a listing)', severity: 'info', cooldownMinutes: 60 },
  { kind: 'zone_unhealthy', name: 'Zone unhealthy', severity: 'warning', cooldownMinutes: 60 },
  { kind: 'resolver_blocked', name: 'DNS resolver blocked, rewriting or unreachable', severity: 'critical', cooldownMinutes: 60 },
  { kind: 'placement_inbox_rate', name: 'Inbox rate below threshold', severity: 'warning', cooldownMinutes: 60 },
  { kind: 'seed_missing', name: 'Seed message missing', severity: 'warning', cooldownMinutes: 60 },
  { kind: 'quota_threshold', name: 'Quota threshold crossed', severity: 'warning', cooldownMinutes: 60 },
  { kind: 'quota_exhausted', name: 'Quota exhausted', severity: 'critical', cooldownMinutes: 60 },
  { kind: 'server_unreachable', name: 'SMTP server unreachable', severity: 'critical', cooldownMinutes: 60 },
  { kind: 'mailbox_unreachable', name: 'Seed mailbox unreachable', severity: 'warning', cooldownMinutes: 60 },
  { kind: 'job_failed', name: 'Job failed', severity: 'warning', cooldownMinutes: 60 },
  { kind: 'reputation_below', name: 'Reputation below threshold', severity: 'warning', cooldownMinutes: 60 },
];

/** The stable id of a kind's default rule (`rule-listing_new`), so seeding from two processes is idempotent. */
export function defaultRuleId(kind: RuleKind): string {
  return `rule-${kind}`;
}

/**
 * Parse a kind's parameters, filling the defaults (`{}` gives every default).
 * @throws ZodError when a value is out of range or an unknown field is given.
 */
export function parseRuleParams<K extends RuleKind>(kind: K, value: unknown): RuleParams[K] {
  return RULE_PARAMS[kind].parse(value ?? {}) as RuleParams[K];
}

/** Whether `value` is a rule kind. */
export function isRuleKind(value: string): value is RuleKind {
  return (RULE_KINDS as readonly string[]).includes(value);
}
