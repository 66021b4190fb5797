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
}

export interface CreatedAsset {
  id: string;
  kind: AssetKind;
  value: string;
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
}

export type ResolverStatus = 'ok' | 'blocked' | 'rewriting' | 'unknown';

export interface Overview {
  assets: number;
  listed: number;
  clean: number;
  errors: number;
  unchecked: number;
  zonesEnabled: number;
  zonesUnhealthy: number;
  resolver: { status: ResolverStatus; reason?: string; isPublic: boolean; servers: string[] };
  lastSweep?: { id: string; status: JobRunStatus; startedAt: string; finishedAt?: string };
  nextSweepAt?: string;
  running?: { id: string; jobId: string; progressDone: number; progressTotal: number };
  recentEvents: OverviewEvent[];
}

export type JobRunStatus = 'running' | 'succeeded' | 'failed';

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
}

export interface Settings {
  alertEmailTo: string[];
  alertSmtpConfigured: boolean;
  resolver: string[];
  sweepCron: string;
}

export interface TestEmailResult {
  messageId: string;
  accepted: string[];
}
