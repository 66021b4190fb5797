import type { ReceiverVerdicts, SeedSearch } from './placement-deps.ts';

type Found = Extract<SeedSearch, { found: true }>;

/** The PlacementResult columns a found seed writes. */
export interface FoundUpdate {
  placement: Found['placement'];
  folder: string;
  tab: string | null;
  foundAt: Date;
  latencyMs: number | null;
  authSpf: string | null;
  authDkim: string | null;
  authDmarc: string | null;
  authResults: string;
  egressIp: string | null;
  error: null;
}

/**
 * A found seed as stored: where it landed, when, and what the receiver said (design §6).
 * - Arrival: the message's INTERNALDATE (`receivedAt`, RFC 3501 §2.3.3) when it is earlier than this poll, else
 *   the poll time. INTERNALDATE has a resolution of one second, so one that falls before `sentAt` means "later in
 *   that second": the end of that second (or the poll, if earlier), never before sentAt. `latencyMs` = arrival −
 *   sentAt, ms (null when sentAt is unknown).
 * - Tab: the Gmail tab when known (`inbox` with tab `primary`, `tab` with promotions/social/updates/forums);
 *   "unknown" for a Gmail copy in INBOX whose tab could not be decided (no X-GM-EXT-1): "inbox (tab unknown)",
 *   design §6. Null for the INBOX of other providers, which have no tabs.
 * - Auth: SPF and DMARC results as the receiver wrote them (vendor words such as `bestguesspass` kept); DKIM
 *   `pass` when any signature passed (RFC 6376 §6.1: each signature is evaluated on its own), else the first
 *   signature's result; `authResults` keeps the whole verdict set as JSON.
 */
export function foundMessageUpdate(params: {
  found: Found;
  /** The seed mailbox's provider (gmail | outlook | yahoo | other): only Gmail has tabs. */
  provider: string;
  verdicts: ReceiverVerdicts;
  egressIp: string | null;
  sentAt: Date | null;
  polledAt: Date;
}): FoundUpdate {
  const { found, provider, verdicts, sentAt, polledAt } = params;
  const hasTab = found.placement === 'tab' || (found.placement === 'inbox' && provider === 'gmail');
  let arrival = Math.min(found.receivedAt.getTime(), polledAt.getTime());
  // INTERNALDATE is truncated to the second: one before sentAt means "within that second, after sentAt".
  if (sentAt && arrival < sentAt.getTime()) arrival = Math.max(sentAt.getTime(), Math.min(polledAt.getTime(), found.receivedAt.getTime() + 1000));
  const dkim = verdicts.dkim.some((d) => d.result === 'pass') ? 'pass' : (verdicts.dkim[0]?.result ?? null);
  return {
    placement: found.placement,
    folder: found.folder,
    tab: hasTab ? (found.tab ?? 'unknown') : null,
    foundAt: new Date(arrival),
    latencyMs: sentAt ? arrival - sentAt.getTime() : null,
    authSpf: verdicts.spf?.result ?? null,
    authDkim: dkim,
    authDmarc: verdicts.dmarc?.result ?? null,
    authResults: JSON.stringify(verdicts),
    egressIp: params.egressIp,
    error: null,
  };
}
