/**
 * Shared shapes of the DNSBL engine (design §5). Words used here are the API's and the CLI's words.
 */

/** What a zone is keyed on (RFC 5782 §2.1 IPv4, §2.4 IPv6, §3 domains). */
export type KeyType = 'ip4' | 'ip6' | 'domain';

/** `block`: a listing is bad news (DNSBL/RHSBL). `allow`: a listing is good news (DNSWL). */
export type Polarity = 'block' | 'allow';

/** How much a listing on a zone matters: used for alerts (minimum severity) and reputation. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/**
 * Lifecycle of a catalog zone.
 * - `active`: in service, queried when enabled.
 * - `keyed`: needs an account key in the query name (Spamhaus DQS, Abusix); off until a key is set.
 * - `registration`: answers only registered resolvers (Barracuda, Validity); off by default (BL-09).
 * - `retired`: shut down; never queried (BL-07).
 * - `wildcard`: answers "listed" for everything; never queried (BL-06).
 */
export type ZoneStatus = 'active' | 'keyed' | 'registration' | 'retired' | 'wildcard';

/** One documented return code (or an inclusive range of codes) and what it means. */
export interface ReturnCode {
  /** An A value such as `127.0.0.2`, or an inclusive range `127.0.0.4-127.0.0.7`. */
  code: string;
  meaning: string;
  severity: Severity;
}

/** One bit of a bitmask zone (URIBL, SURBL): the last octet of 127.0.0.x is ANDed with `bit`. */
export interface ReturnBit {
  bit: number;
  meaning: string;
  severity: Severity;
}

/** A documented operator error answer: not a listing (BL-01, BL-05). */
export interface ErrorCode {
  /** An A value, or an inclusive range `127.255.255.0-127.255.255.255`. */
  code: string;
  meaning: string;
}

/**
 * RFC 5782 §5 test points per key type, written as targets (not query names): e.g. ip4 listed `127.0.0.2`,
 * unlisted `127.0.0.1`; ip6 listed `::ffff:7f00:2`, unlisted `::ffff:7f00:1` (encoded as IPv6 nibbles, never
 * normalised to IPv4); domain listed `test` (or the operator's name, e.g. `dbltest.com`), unlisted `invalid`.
 * A missing entry means the operator documents that the zone lacks it (e.g. hostkarma lists 127.0.0.1).
 */
export interface TestPoint {
  listed?: string;
  unlisted?: string;
}

/** Everything the engine needs to know about a zone. Shipped as data in lib/dnsbl/zones/catalog.json. */
export interface ZoneDefinition {
  /** DNS suffix queried, lower-case, no trailing dot: `zen.spamhaus.org`. */
  zone: string;
  /** Display name: `Spamhaus ZEN`. */
  name: string;
  operator: string;
  description: string;
  keyTypes: KeyType[];
  polarity: Polarity;
  /** Listing codes. A 127/8 answer matching none of these (nor `returnBits`) is `invalid_answer`. */
  returnCodes: ReturnCode[];
  /** For bitmask zones (URIBL, SURBL). */
  returnBits?: ReturnBit[];
  errorCodes: ErrorCode[];
  testPoints: Partial<Record<KeyType, TestPoint>>;
  status: ZoneStatus;
  /** ISO date the zone was retired or began wildcarding. */
  statusSince?: string;
  statusNote?: string;
  enabledByDefault: boolean;
  /** Default weight in reputation scores (0–10). */
  weight: number;
  /** Operator's free-use limit in queries per day, if any (Spamhaus: 300,000). */
  dailyBudget?: number;
  delistUrl?: string;
  /** Lookup page with `{target}` where the target goes. */
  lookupUrl?: string;
  /** Sources from ../shared/reference/dnsbl-catalog.md (S1…, I…). */
  sources: string[];
}

/** A parsed, canonical user target (see parse-target.ts). */
export type Target =
  | { kind: 'ip'; family: 4 | 6; value: string }
  | { kind: 'range'; family: 4; value: string; network: string; prefix: number; size: number }
  | { kind: 'domain'; value: string; display: string };

/** Outcome words (design §5). Only `listed` and `not_listed` are verdicts; the others never change state. */
export type Verdict = 'listed' | 'not_listed' | 'error' | 'not_applicable';

export type ErrorReason =
  | 'timeout'
  | 'servfail'
  | 'refused'
  | 'query_blocked'
  | 'invalid_answer'
  | 'zone_unhealthy'
  | 'budget_exhausted';

/** One (target, zone) outcome, exactly as the CLI's --json and the listings API print it. */
export interface CheckResult {
  /** The forward address or domain (never the reversed query name; DNS-01). */
  target: string;
  zone: string;
  verdict: Verdict;
  reason?: ErrorReason;
  /** A values answered, e.g. ['127.0.0.2', '127.0.0.4']. */
  codes: string[];
  /** Meaning of each listing or error code, in the order of `codes`. */
  meanings: string[];
  /** TXT reason published with the listing (or with the error answer). */
  txt?: string;
  /** Free text for errors: which test point failed, what the resolver said. */
  detail?: string;
}

/** Raw outcome of one DNS question, before classification. */
export type DnsOutcome =
  | { kind: 'answer'; addresses: string[] }
  | { kind: 'nxdomain' }
  | { kind: 'nodata' }
  | { kind: 'servfail' }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'other'; rcode: string };

/** Health of one zone for one sweep (RFC 5782 §5, §7). */
export interface ZoneHealth {
  zone: string;
  healthy: boolean;
  /** Why it is unhealthy, in words: "positive test point 127.0.0.2 not listed (NXDOMAIN)". */
  reason?: string;
  /** True when an answer fell outside 127.0.0.0/8 (the resolver rewrites answers). */
  outsideLoopback?: boolean;
  /** True when the positive test point failed (counts toward resolver blocked). */
  positiveFailed?: boolean;
  /** True when every test-point query timed out or was refused (REFUSED): the resolver, not the zone, is silent. */
  noAnswer?: boolean;
  checkedAt: Date;
}

/** Health of the resolver path, decided from all zones' health in one sweep. */
export interface ResolverHealth {
  /**
   * ok | blocked (most zones fail their positive test) | rewriting (answers outside 127/8) | unreachable (every
   * test-point query of every zone timed out or was refused: the resolver itself is not answering)
   */
  status: 'ok' | 'blocked' | 'rewriting' | 'unreachable';
  reason?: string;
  /** The resolver is a well-known public resolver (operators refuse them: BL-08). */
  isPublic: boolean;
  servers: string[];
}
