import type { PassCount, ReputationInputs } from './types.ts';

/** The PlacementResult columns the placement factors read. */
export interface ResultRow {
  smtpOutcome: string;
  smtpCategory: string | null;
  placement: string;
  authSpf: string | null;
  authDkim: string | null;
  authDmarc: string | null;
}

const SENT_OUTCOMES = new Set(['accepted', 'deferred', 'throttled', 'rejected']);

function count(values: (string | null)[]): PassCount {
  const given = values.filter((v): v is string => v !== null && v !== '');
  return { pass: given.filter((v) => v.toLowerCase() === 'pass').length, total: given.length };
}

/**
 * Tally placement results into the inputs of the placement factors (pure):
 * - placement: accepted seeds whose placement is decided (inbox, tab, spam, other_folder, missing); pending and
 *   error (our mailbox failed) say nothing about the receiver.
 * - auth: every non-empty SPF, DKIM and DMARC verdict; only `pass` passes (`bestguesspass`, `none`, `neutral`,
 *   `softfail`, `temperror` … do not).
 * - smtp: final outcomes accepted, deferred, throttled, rejected. `config_error` and `error` are our own setup or
 *   connection failures, and a quota reply (category `quota_exhausted`) is the account's limit, not the receiver's
 *   opinion: none of them count.
 */
export function tallyResults(params: { results: ResultRow[] }): Pick<ReputationInputs, 'placement' | 'auth' | 'smtp'> {
  const placement = { inbox: 0, tab: 0, spam: 0, otherFolder: 0, missing: 0 };
  const smtp = { accepted: 0, deferred: 0, throttled: 0, rejected: 0 };
  for (const r of params.results) {
    if (SENT_OUTCOMES.has(r.smtpOutcome) && r.smtpCategory !== 'quota_exhausted') smtp[r.smtpOutcome as keyof typeof smtp]++;
    if (r.smtpOutcome !== 'accepted') continue;
    if (r.placement === 'other_folder') placement.otherFolder++;
    else if (r.placement === 'inbox' || r.placement === 'tab' || r.placement === 'spam' || r.placement === 'missing') placement[r.placement]++;
  }
  const rs = params.results;
  return {
    placement,
    auth: { spf: count(rs.map((r) => r.authSpf)), dkim: count(rs.map((r) => r.authDkim)), dmarc: count(rs.map((r) => r.authDmarc)) },
    smtp,
  };
}
