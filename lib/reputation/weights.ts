import type { Severity } from '../dnsbl/types.ts';

/**
 * The published reputation weights (design §7; README "Reputation score"). A score is 0–100 points; each factor
 * can give at most its weight in points. A factor without data gives nothing and its weight is spread over the
 * factors that have data, in proportion to their weights (so a subject is never rated perfect or zero for what
 * we do not know).
 * - `listings`: confirmed DNSBL/RHSBL listings by zone severity and zone weight.
 * - `inbox_rate`: share of decided seeds placed in the inbox (a Gmail tab counts as inbox).
 * - `auth_pass_rate`: share of the receivers' SPF, DKIM and DMARC verdicts that are `pass`.
 * - `smtp_acceptance`: sends not deferred, throttled or rejected by the relay or receiver.
 * DNS posture (SPF/DMARC records, PTR) is not a factor: nothing we store measures it; the receivers' own SPF,
 * DKIM and DMARC verdicts are what the auth factor counts.
 */
export const REPUTATION_WEIGHTS = {
  listings: 40,
  inbox_rate: 25,
  auth_pass_rate: 20,
  smtp_acceptance: 15,
} as const;

/** The factor names, in display order. */
export type FactorName = keyof typeof REPUTATION_WEIGHTS;

/** Display words of each factor. */
export const FACTOR_LABELS: Record<FactorName, string> = {
  listings: 'Blocklist listings',
  inbox_rate: 'Inbox rate',
  auth_pass_rate: 'Receiver auth pass rate',
  smtp_acceptance: 'Deferrals and rejections',
};

/**
 * Share of the listings factor one block-list listing removes at zone weight 10, by the highest severity of its
 * return codes (catalog severities, lib/dnsbl/zones/catalog.json). A listing on a zone of weight w removes
 * `SEVERITY_PENALTY[severity] × w / 10` of what is left: listings multiply,
 * `listings = 100 × Π (1 − SEVERITY_PENALTY[sᵢ] × wᵢ / 10)`.
 */
export const SEVERITY_PENALTY: Record<Severity, number> = {
  critical: 0.6,
  high: 0.4,
  medium: 0.2,
  low: 0.1,
  info: 0,
};

/** Points an allow-list (DNSWL) listing adds to the listings factor at zone weight 10 (scaled by w / 10). */
export const ALLOW_BONUS_POINTS = 5;

/** At most this many points in total come from allow-list listings; the factor never exceeds 100. */
export const ALLOW_BONUS_MAX = 5;

/** Part of a send a deferral or a throttle costs in the smtp_acceptance factor (a rejection costs a whole send). */
export const DEFERRAL_COST = 0.5;

/** Days of placement tests (by creation time) the placement factors look at. */
export const PLACEMENT_WINDOW_DAYS = 30;

/** The highest zone weight (Zone.weight is 0–10). */
export const MAX_ZONE_WEIGHT = 10;
