/**
 * Response shapes of the JSON API, as documented in README.md ("JSON API"). The client reads these; the route
 * handlers in app/api/** answer them. Verdict and zone words come from the engine's shared types.
 */
import type {
  ErrorReason,
  KeyType,
  Polarity,
  ReturnCode,
  Verdict,
  ZoneStatus,
} from '../../lib/dnsbl/types.ts';
import type { AppErrorCode } from '../../lib/errors.ts';

export type { ErrorReason, KeyType, Polarity, ReturnCode, Verdict, ZoneStatus };

/** The rejection value of every API call: the error envelope's message and code plus the HTTP status. */
export interface ApiError {
  message: string;
  code: AppErrorCode | 'network' | 'server';
  status: number;
}

export type AssetKind = 'ip' | 'range' | 'domain';
export type AssetStatus = 'listed' | 'clean' | 'error' | 'unchecked';

export interface Asset {
  id: string;
  kind: AssetKind;
  value: string;
  /** Unicode form of an IDN domain, or the value. */
  display: string | null;
  label: string | null;
  enabled: boolean;
  createdAt: string;
  /** Number of addresses (a range) or 1. */
  targets: number;
  status: AssetStatus;
  listed: number;
  errors: number;
  lastCheckedAt: string | null;
  /** Why the last sweep had errors, per (zone, reason), most targets first. */
  errorReasons: { zone: string; reason: ErrorReason; targets: number }[];
}

export interface CreatedAsset {
  id: string;
  kind: AssetKind;
  value: string;
  /** Budget shortfalls and overlaps with monitored assets, in words; empty when none. */
  warnings: string[];
}

export interface Listing {
  target: string;
  zone: string;
  verdict: Verdict;
  reason?: ErrorReason;
  codes: string[];
  meanings: string[];
  txt?: string;
  since: string;
  /** Confirmed state: listed | not_listed. */
  state: string;
  firstListedAt?: string;
  lastCheckedAt: string;
  delistUrl?: string;
  /** Still listed; the last sweep was clean: delisting waits for `cleanSweepsNeeded` clean sweeps in a row. */
  pendingDelisting?: true;
  cleanSweeps?: number;
  cleanSweepsNeeded?: number;
}

export interface ListingEvent {
  id: string;
  target: string;
  zone: string;
  kind: 'listed' | 'delisted';
  codes: string[];
  meanings: string[];
  txt?: string;
  at: string;
}

export interface OverviewEvent extends ListingEvent {
  assetId: string;
  value: string;
}

export interface HistoryPoint {
  at: string;
  listed: number;
  notListed: number;
  errors: number;
  notApplicable: number;
}

export interface CheckNowResult {
  jobRunId: string;
  listings: Listing[];
}

export interface Zone {
  zone: string;
  name: string;
  operator: string;
  keyTypes: KeyType[];
  polarity: Polarity;
  status: ZoneStatus;
  statusSince?: string;
  enabled: boolean;
  weight: number;
  dailyBudget: number | null;
  budgetUsed: number;
  health: 'healthy' | 'unhealthy' | 'unknown';
  healthReason?: string;
  healthCheckedAt?: string;
  returnCodes: ReturnCode[];
  delistUrl?: string;
  /** Keyed zones only: an account key is stored (never sent back). */
  hasKey?: boolean;
}

export type ResolverStatus = 'ok' | 'blocked' | 'rewriting' | 'unreachable' | 'unknown';

export interface Overview {
  assets: number;
  listed: number;
  clean: number;
  errors: number;
  unchecked: number;
  zonesEnabled: number;
  zonesUnhealthy: number;
  zonesBudgetExhausted: number;
  budgetExhaustedZones: string[];
  budgetResetsAt: string;
  resolver: {
    status: ResolverStatus;
    reason?: string;
    isPublic: boolean;
    servers: string[];
    /** Zones that passed / failed their test points in the latest sweep. */
    zonesChecked?: number;
    zonesFailed?: number;
  };
  lastSweep?: { id: string; status: JobRunStatus; startedAt: string; finishedAt?: string };
  nextSweepAt?: string;
  running?: { id: string; jobId: string; progressDone: number; progressTotal: number };
  recentEvents: OverviewEvent[];
  /** Why scheduled sweeps are not running. */
  schedulerProblem?: string;
}

/** `queued`: a manual run waiting for the scheduler process (JOBS_ENABLED=false here). */
export type JobRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRun {
  id: string;
  jobId: string;
  trigger: 'schedule' | 'manual';
  status: JobRunStatus;
  startedAt: string;
  finishedAt?: string;
  progressDone: number;
  progressTotal: number;
  /** Written by the job: counts, queries, seconds (an object, or its JSON text). */
  summary?: Record<string, unknown> | string;
  error?: string;
}

export interface Jobs {
  schedules: { jobId: string; cron: string; nextRunAt: string | null }[];
  runs: JobRun[];
  /** Why scheduled jobs cannot run (an invalid cron, a scheduler that failed to start). */
  problem?: string;
}

export interface Settings {
  alertEmailTo: string[];
  alertSmtpConfigured: boolean;
  resolver: string[];
  sweepCron: string;
  /** Seconds after a send until an unfound seed is missing. */
  placementCollectDeadlineSeconds: number;
  /** Seconds between two IMAP polls of a collecting placement test. */
  placementPollIntervalSeconds: number;
}

/** PUT /api/settings body: only the fields given are saved. */
export interface SettingsUpdate {
  alertEmailTo?: string[];
  placementCollectDeadlineSeconds?: number;
  placementPollIntervalSeconds?: number;
}

export interface TestEmailResult {
  messageId: string;
  accepted: string[];
}

// ---- Issue 3: SMTP servers, seed mailboxes, placement tests (see issue3 contracts / README "JSON API") ----

/** implicit_tls: TLS from the first byte (port 465); starttls: STARTTLS required (port 587); none: plain text. */
export type ConnectionSecurity = 'implicit_tls' | 'starttls' | 'none';

/** The SMTP step a send or a connection test reached. */
export type SmtpStage = 'connect' | 'tls' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data';

/** Classified SMTP reply; `pending` only on placement results not sent yet. */
export type SmtpOutcomeWord = 'accepted' | 'deferred' | 'rejected' | 'throttled' | 'config_error' | 'error' | 'pending';

/** POST /api/smtp-servers/:id/test-connection, and a server's `lastTest`. */
export interface SmtpConnectionTest {
  ok: boolean;
  stage: SmtpStage;
  outcome: SmtpOutcomeWord;
  category: string;
  code: number | null;
  enhancedCode: string | null;
  text: string;
  /** What happened, in words for the user. */
  message: string;
}

/** One outbound SMTP server; the password is never sent back (`hasPassword`). */
export interface SmtpServer {
  id: string;
  name: string;
  host: string;
  port: number;
  security: ConnectionSecurity;
  authUser: string | null;
  hasPassword: boolean;
  fromAddress: string;
  heloName: string | null;
  trustSelfSigned: boolean;
  scheduleCron: string;
  nextRunAt: string | null;
  enabled: boolean;
  pausedReason: string | null;
  lastTest: SmtpConnectionTest | null;
  lastTestAt: string | null;
  createdAt: string;
}

/** Body of POST /api/smtp-servers and PATCH /api/smtp-servers/:id (a password is write-only). */
export interface SmtpServerInput {
  name: string;
  host: string;
  port: number;
  security: ConnectionSecurity;
  authUser?: string | null;
  /** A new password; null (PATCH) removes the stored one; left out keeps it. */
  password?: string | null;
  fromAddress: string;
  heloName?: string | null;
  trustSelfSigned?: boolean;
  scheduleCron?: string;
  enabled?: boolean;
}

export type SeedProvider = 'gmail' | 'outlook' | 'yahoo' | 'other';
export type ImapAuthMethod = 'password' | 'xoauth2';

/** One IMAP folder of a seed mailbox; `source` says how its special use was learnt (server flag or name). */
export interface ImapFolder {
  path: string;
  name: string;
  specialUse?: string;
  source?: string;
}

/** POST /api/seed-mailboxes/:id/test-connection, and a mailbox's `lastTest`. */
export interface ImapConnectionTest {
  ok: boolean;
  folders?: ImapFolder[];
  spam?: { path: string; why: string } | null;
  error?: { kind: 'unreachable' | 'tls' | 'auth_failed' | 'protocol'; message: string };
}

/** One seed mailbox; the password or access token is never sent back (`hasSecret`). */
export interface SeedMailbox {
  id: string;
  provider: SeedProvider;
  address: string;
  imapHost: string;
  imapPort: number;
  imapSecurity: ConnectionSecurity;
  imapUser: string;
  authMethod: ImapAuthMethod;
  hasSecret: boolean;
  trustSelfSigned: boolean;
  spamFolder: string | null;
  enabled: boolean;
  lastTest: ImapConnectionTest | null;
  lastTestAt: string | null;
  createdAt: string;
}

/** Body of POST /api/seed-mailboxes and PATCH /api/seed-mailboxes/:id (the secret is write-only). */
export interface SeedMailboxInput {
  provider: SeedProvider;
  address: string;
  imapHost: string;
  imapPort: number;
  imapSecurity: ConnectionSecurity;
  imapUser: string;
  authMethod?: ImapAuthMethod;
  password?: string;
  accessToken?: string;
  trustSelfSigned?: boolean;
  spamFolder?: string | null;
  enabled?: boolean;
}

export type PlacementStatus = 'sending' | 'collecting' | 'complete';
export type Placement = 'pending' | 'inbox' | 'tab' | 'spam' | 'other_folder' | 'missing' | 'error';

export interface PlacementCounts {
  inbox: number;
  tab: number;
  spam: number;
  other_folder: number;
  missing: number;
  error: number;
  pending: number;
}

/** One row of GET /api/placement-tests?serverId=. */
export interface PlacementTestSummary {
  id: string;
  serverId: string;
  serverName: string;
  trigger: 'schedule' | 'manual';
  status: PlacementStatus;
  createdAt: string;
  /** When collection gives up and seeds not found become `missing`. */
  deadlineAt: string | null;
  completedAt: string | null;
  counts: PlacementCounts;
}

/**
 * Receiver verdicts parsed from the topmost Authentication-Results. A vendor word is kept in `rawResult` with a
 * `note` (Microsoft's `bestguesspass` comes as result `none`, rawResult `bestguesspass`).
 */
export interface AuthDetails {
  authservId: string | null;
  spf: { result: string; rawResult?: string; domain?: string; note?: string } | null;
  dkim: { result: string; rawResult?: string; domain?: string; selector?: string; note?: string }[];
  dmarc: { result: string; rawResult?: string; domain?: string; note?: string } | null;
}

/** One seed of a placement test: the SMTP outcome, then where the message landed and what the receiver said. */
export interface PlacementResult {
  mailboxId: string | null;
  mailbox: string;
  provider: SeedProvider;
  messageId: string;
  smtp: {
    outcome: SmtpOutcomeWord;
    category: string | null;
    stage: SmtpStage | null;
    code: number | null;
    enhancedCode: string | null;
    text: string | null;
    attempts: number;
    sentAt: string | null;
    /** When a deferred send is tried again (null otherwise). */
    nextAttemptAt: string | null;
  };
  placement: Placement;
  folder: string | null;
  /** Gmail tab (primary, promotions, …) or "unknown". */
  tab: string | null;
  foundAt: string | null;
  /** From acceptance by the relay to arrival in the mailbox, ms. */
  latencyMs: number | null;
  auth: { spf: string | null; dkim: string | null; dmarc: string | null };
  authDetails: AuthDetails | null;
  egressIp: string | null;
  egressMonitored: boolean;
  error: string | null;
}

/** GET /api/placement-tests/:id. */
export interface PlacementTestDetail extends PlacementTestSummary {
  token: string;
  results: PlacementResult[];
}

/** One point of GET /api/placement-stats?serverId=&days=: one provider on one UTC day. */
export interface PlacementStatPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  provider: SeedProvider;
  /** Seeds accepted by the relay whose placement is decided. */
  sent: number;
  inbox: number;
  tab: number;
  spam: number;
  other_folder: number;
  missing: number;
  /** (inbox + tab) / sent, percent 0–100 with one decimal. */
  inboxRate: number;
}

/** What a reputation score is about. */
export type ReputationSubjectType = 'ip' | 'domain' | 'server';

/** One factor of a reputation score (lib/reputation/types.ts ScoreFactor). */
export interface ReputationFactor {
  /** listings | inbox_rate | auth_pass_rate | smtp_acceptance */
  factor: string;
  label: string;
  /** 0–100 with one decimal; null when there is no data (its weight is spread over the others). */
  value: number | null;
  /** Points it can give after redistribution. */
  weight: number;
  /** The published weight. */
  baseWeight: number;
  /** Points given; the contributions sum to the score. */
  contribution: number;
  detail: string;
}

/** One item of GET /api/reputation?subjectType=: the latest score of a subject (worst first). */
export interface ReputationScore {
  subjectType: ReputationSubjectType;
  /** ip: asset id; domain: the ASCII domain; server: SMTP server id. */
  subjectId: string;
  subjectLabel: string;
  /** 0–100, one decimal. */
  score: number;
  factors: ReputationFactor[];
  at: string;
}

/** GET /api/reputation/:subjectType/:subjectId?days=: the latest score and its history, oldest first. */
export interface ReputationDetail extends ReputationScore {
  history: { at: string; score: number }[];
}

/** Alert rule kinds (GET /api/alert-rules). */
export type AlertRuleKind =
  | 'listing_new' | 'delisting' | 'zone_unhealthy' | 'resolver_blocked' | 'placement_inbox_rate' | 'seed_missing'
  | 'quota_threshold' | 'quota_exhausted' | 'server_unreachable' | 'mailbox_unreachable' | 'job_failed' | 'reputation_below';
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** One alert rule: params with defaults filled in; channelIds [] = every channel. */
export interface AlertRule {
  id: string;
  kind: AlertRuleKind;
  name: string;
  enabled: boolean;
  severity: AlertSeverity;
  params: Record<string, unknown>;
  cooldownMinutes: number;
  channelIds: string[];
  updatedAt: string;
}

/** PATCH /api/alert-rules/:id body. */
export type AlertRulePatch = Partial<Pick<AlertRule, 'enabled' | 'severity' | 'params' | 'channelIds' | 'cooldownMinutes'>>;

/** One channel; never its secret; a webhook URL masked to its origin. */
export interface AlertChannel {
  id: string;
  name: string;
  kind: 'email' | 'webhook';
  enabled: boolean;
  delivery: 'immediate' | 'hourly_digest';
  to?: string[];
  url?: string;
  hasSecret: boolean;
  createdAt: string;
}

/** POST /api/alert-channels body; the answer has the webhook `secret` once. */
export type AlertChannelInput =
  | { kind: 'email'; name: string; to: string[]; delivery: AlertChannel['delivery'] }
  | { kind: 'webhook'; name: string; url: string; delivery: AlertChannel['delivery'] };

/** One incident (GET /api/incidents). */
export interface Incident {
  id: string;
  ruleId: string;
  ruleKind: AlertRuleKind;
  ruleName: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  status: 'open' | 'acknowledged' | 'resolved';
  severity: AlertSeverity;
  title: string;
  detail: Record<string, unknown>;
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: 'auto' | 'manual' | null;
  lastNotifiedAt: string | null;
  occurrences: number;
}

/** One delivery of the log (GET /api/notifications). */
export interface AlertNotification {
  id: string;
  channelId: string;
  channelName: string;
  incidentId: string | null;
  kind: 'opened' | 'recovered' | 'reminder' | 'digest' | 'test';
  status: 'pending' | 'queued_digest' | 'sent' | 'failed';
  title: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** A quota window (README "Quotas and usage API"): rolling minute/hour/day, calendar month UTC, or a credit balance. */
export type QuotaWindow = 'minute' | 'hour' | 'day' | 'month' | 'credits';

/**
 * GET /api/quotas: one quota's state now. Counts are messages; percent of the limit; times ISO 8601 UTC.
 * `limit` null: unknown (the row was created from a relay's quota reply that named none); then `remaining` and
 * `percent` are null, `crossed` is empty and the window is exhausted only until `exhaustedUntil`.
 */
export interface QuotaState {
  quotaId: string;
  serverId: string;
  serverName: string;
  window: QuotaWindow;
  limit: number | null;
  used: number;
  remaining: number | null;
  percent: number | null;
  thresholds: number[];
  crossed: number[];
  exhausted: boolean;
  exhaustedReason?: string;
  resetAt: string | null;
  projectedExhaustionAt: string | null;
  creditsSetAt: string | null;
  exhaustedAt: string | null;
  exhaustedUntil: string | null;
}

/** POST /api/quotas body. */
export interface QuotaInput {
  serverId: string;
  window: QuotaWindow;
  limit: number;
  thresholds?: number[];
}

/** PATCH /api/quotas/:id body. */
export interface QuotaPatch {
  limit?: number;
  thresholds?: number[];
  clearExhausted?: true;
}

/** GET /api/quotas/:id/history: sends per UTC hour (minute/hour/day windows) or day (month/credits). */
export interface QuotaHistory {
  quotaId: string;
  window: QuotaWindow;
  bucket: 'hour' | 'day';
  from: string;
  to: string;
  points: { at: string; count: number }[];
}

/** GET /api/api-tokens: a token without its secret. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** POST /api/api-tokens: the new token, shown this once. */
export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  token: string;
  createdAt: string;
}
