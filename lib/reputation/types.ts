import type { Polarity, Severity } from '../dnsbl/types.ts';

/** What a reputation score is about: an IP asset (a single address, or a range as one subject), a domain, an SMTP server. */
export type SubjectType = 'ip' | 'domain' | 'server';

/** The subject types, in display order. */
export const SUBJECT_TYPES: readonly SubjectType[] = ['ip', 'domain', 'server'];

/** One confirmed listing behind a subject: one zone for one monitored asset. */
export interface ListingInput {
  /** The asset listed (its value: IP, CIDR or domain). */
  target: string;
  /** Zone DNS suffix, e.g. `zen.spamhaus.org`. */
  zone: string;
  /** Zone display name, e.g. `Spamhaus ZEN`. */
  zoneName: string;
  polarity: Polarity;
  /** Highest catalog severity among the listing's return codes. */
  severity: Severity;
  /** The user's zone weight, 0–10 (Zone.weight). */
  zoneWeight: number;
  /** Return codes of the listing (for a range: of its worst listed address). */
  codes: string[];
  /** Addresses of the asset listed on the zone (1 for an IP or a domain; up to the range size for a range). */
  listedTargets: number;
}

/** A count of verdicts and how many of them were `pass`. */
export interface PassCount {
  pass: number;
  total: number;
}

/**
 * Everything computeScore needs for one subject, gathered by gatherInputs (lib/reputation/gather-inputs.ts).
 * Zero totals mean "no data" for that factor.
 */
export interface ReputationInputs {
  /**
   * Listings of the monitored assets behind the subject on enabled zones, with how many zones answered for them
   * in their last sweep. Null when no asset is behind the subject or none has been swept yet.
   */
  listings: { listings: ListingInput[]; zonesChecked: number } | null;
  /** Decided placements of accepted seeds of completed tests in the window. */
  placement: { inbox: number; tab: number; spam: number; otherFolder: number; missing: number };
  /** The receivers' verdicts (PlacementResult.authSpf / authDkim / authDmarc); only `pass` passes. */
  auth: { spf: PassCount; dkim: PassCount; dmarc: PassCount };
  /** Final SMTP outcomes of those seeds (config errors, connection errors and quota replies are not counted). */
  smtp: { accepted: number; deferred: number; throttled: number; rejected: number };
  /** Days of placement data counted. */
  windowDays: number;
}

/** One factor of a score. `value` 0–100 (null: no data); `weight` the points it can give after redistribution. */
export interface ScoreFactor {
  factor: string;
  /** Display words of the factor. */
  label: string;
  /** 0–100 with one decimal, or null when there is no data. */
  value: number | null;
  /** Points this factor can give after redistribution (0 without data), one decimal. */
  weight: number;
  /** The published weight (lib/reputation/weights.ts). */
  baseWeight: number;
  /** Points given, one decimal; the contributions sum to the score. */
  contribution: number;
  /** One sentence saying where the value comes from. */
  detail: string;
}

/** A computed score: 0–100 with one decimal, and its factors in display order. */
export interface ScoreResult {
  score: number;
  factors: ScoreFactor[];
}
