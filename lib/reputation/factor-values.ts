import type { FactorName } from './weights.ts';
import { ALLOW_BONUS_MAX, ALLOW_BONUS_POINTS, DEFERRAL_COST, MAX_ZONE_WEIGHT, SEVERITY_PENALTY } from './weights.ts';
import type { ListingInput, ReputationInputs } from './types.ts';

/** A factor's raw value 0–100 (unrounded; null without data) and its detail sentence. */
export interface FactorValue {
  value: number | null;
  detail: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const fixed = (n: number) => String(Math.round(n * 10) / 10);
const zoneFactor = (l: ListingInput) => Math.min(Math.max(l.zoneWeight, 0), MAX_ZONE_WEIGHT) / MAX_ZONE_WEIGHT;

function describeListing(l: ListingInput, effect: string): string {
  const where = l.listedTargets > 1 ? `${l.listedTargets} addresses of ${l.target}` : l.target;
  return `${l.zoneName} (${where}) ${l.severity} ${l.codes.join(', ')}, zone weight ${l.zoneWeight}: ${effect}`;
}

/**
 * Listings factor: `100 × Π (1 − SEVERITY_PENALTY[severity] × zoneWeight / 10)` over block-list listings, plus
 * `ALLOW_BONUS_POINTS × zoneWeight / 10` per allow-list listing (at most ALLOW_BONUS_MAX in total), capped at 100.
 */
export function listingsValue(listings: ReputationInputs['listings']): FactorValue {
  if (listings === null) return { value: null, detail: 'No swept asset behind this subject, so nothing is known about its listings.' };
  const block = listings.listings.filter((l) => l.polarity === 'block');
  const allow = listings.listings.filter((l) => l.polarity === 'allow');
  let kept = 1;
  const parts: string[] = [];
  for (const l of block) {
    const cut = SEVERITY_PENALTY[l.severity] * zoneFactor(l);
    kept *= 1 - cut;
    parts.push(describeListing(l, `−${fixed(cut * 100)} %`));
  }
  const bonus = Math.min(ALLOW_BONUS_MAX, allow.reduce((sum, l) => sum + ALLOW_BONUS_POINTS * zoneFactor(l), 0));
  for (const l of allow) parts.push(describeListing(l, `allow list, +${fixed(ALLOW_BONUS_POINTS * zoneFactor(l))} points`));
  const value = Math.min(100, 100 * kept + bonus);
  const checked = `${plural(listings.zonesChecked, 'zone')} checked`;
  if (parts.length === 0) return { value, detail: `Not listed on any of ${checked}.` };
  const head = block.length > 0 ? `Listed on ${plural(block.length, 'block list')} (${checked})` : `No block-list listing (${checked})`;
  return { value, detail: `${head}: ${parts.join('; ')}.` };
}

/** Inbox rate factor: `100 × (inbox + tab) / decided`, decided = inbox + tab + spam + other folder + missing. */
export function inboxRateValue(inputs: ReputationInputs): FactorValue {
  const p = inputs.placement;
  const decided = p.inbox + p.tab + p.spam + p.otherFolder + p.missing;
  const days = `in the last ${inputs.windowDays} days`;
  if (decided === 0) return { value: null, detail: `No decided placement ${days}.` };
  const inbox = p.inbox + p.tab;
  return {
    value: (100 * inbox) / decided,
    detail:
      `${inbox} of ${plural(decided, 'decided seed')} in the inbox ${days} ` +
      `(inbox ${p.inbox}, tab ${p.tab}, spam ${p.spam}, other folder ${p.otherFolder}, missing ${p.missing}).`,
  };
}

/** Auth pass rate factor: `100 × passes / verdicts` over SPF, DKIM and DMARC verdicts together. */
export function authPassValue(inputs: ReputationInputs): FactorValue {
  const { spf, dkim, dmarc } = inputs.auth;
  const total = spf.total + dkim.total + dmarc.total;
  const days = `in the last ${inputs.windowDays} days`;
  if (total === 0) return { value: null, detail: `No SPF, DKIM or DMARC verdict from a receiver ${days}.` };
  const pass = spf.pass + dkim.pass + dmarc.pass;
  return {
    value: (100 * pass) / total,
    detail:
      `${pass} of ${plural(total, 'receiver verdict')} pass ${days} (SPF ${spf.pass}/${spf.total}, ` +
      `DKIM ${dkim.pass}/${dkim.total}, DMARC ${dmarc.pass}/${dmarc.total}); only "pass" counts, not bestguesspass.`,
  };
}

/** SMTP factor: `100 × (1 − (rejected + DEFERRAL_COST × (deferred + throttled)) / sends)`. */
export function smtpAcceptanceValue(inputs: ReputationInputs): FactorValue {
  const s = inputs.smtp;
  const sends = s.accepted + s.deferred + s.throttled + s.rejected;
  const days = `in the last ${inputs.windowDays} days`;
  if (sends === 0) return { value: null, detail: `No seed send with an SMTP outcome ${days}.` };
  const lost = s.rejected + DEFERRAL_COST * (s.deferred + s.throttled);
  return {
    value: 100 * (1 - lost / sends),
    detail:
      `${plural(sends, 'send')} ${days}: ${s.accepted} accepted, ${s.deferred} deferred, ${s.throttled} throttled, ` +
      `${s.rejected} rejected; a rejection costs a whole send, a deferral or throttle ${DEFERRAL_COST}.`,
  };
}

/** Every factor's raw value, in display order. */
export function factorValues(inputs: ReputationInputs): Record<FactorName, FactorValue> {
  return {
    listings: listingsValue(inputs.listings),
    inbox_rate: inboxRateValue(inputs),
    auth_pass_rate: authPassValue(inputs),
    smtp_acceptance: smtpAcceptanceValue(inputs),
  };
}
