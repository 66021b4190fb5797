import { headerValues } from './header-fields.ts';
import { parseAuthenticationResults } from './parse-authentication-results.ts';
import type { AuthResult } from './parse-authentication-results.ts';

/** SPF, DKIM and DMARC as the receiving server reported them, with domains (design §6). */
export interface ReceiverVerdicts {
  /** SPF (RFC 7208) with the domain of smtp.mailfrom (or smtp.helo when the envelope sender was empty). */
  spf: { result: string; domain?: string; rawResult?: string } | null;
  /** Every DKIM signature's result (RFC 6376) with its signing domain (header.d, else header.i) and selector. */
  dkim: { result: string; domain?: string; selector?: string; rawResult?: string }[];
  /** DMARC (RFC 7489) with the RFC5322.From domain (header.from); `note` explains vendor values. */
  dmarc: { result: string; domain?: string; note?: string; rawResult?: string } | null;
  /** The authserv-id of the header used, or null (Microsoft writes none). */
  authservId: string | null;
  /** Every parsed result of the header used (compauth, arc, iprev, …), for the detail view. */
  results: AuthResult[];
}

function domainOf(identity: string | undefined): string | undefined {
  if (!identity) return undefined;
  const at = identity.lastIndexOf('@');
  const domain = (at >= 0 ? identity.slice(at + 1) : identity).trim().replace(/\.$/, '').toLowerCase();
  return domain || undefined;
}

function raw(r: AuthResult): { rawResult?: string } {
  return r.rawResult.toLowerCase() !== r.result ? { rawResult: r.rawResult } : {};
}

/**
 * What the receiving server concluded, from the topmost Authentication-Results header of the received copy: the
 * receiver adds its header above everything the sender wrote (RFC 8601 §5: lower instances may be forged by the
 * sender and must not be trusted), so only the first one counts.
 * - SPF: the first spf result, domain from smtp.mailfrom (local part dropped) or smtp.helo.
 * - DKIM: every dkim result with header.d (or the domain of header.i) and header.s.
 * - DMARC: the first dmarc result with header.from. Microsoft's `bestguesspass` (no DMARC record, heuristic
 *   alignment) is reported as `none` with a note, never as pass (AUTH-12). Vendor aliases (`success`) carry
 *   `rawResult` and a note.
 * No Authentication-Results header gives nulls and `[]`. Pure; never throws.
 */
export function receiverVerdicts(params: { headers: string }): ReceiverVerdicts {
  const top = headerValues(params.headers, 'Authentication-Results')[0];
  if (top === undefined) return { spf: null, dkim: [], dmarc: null, authservId: null, results: [] };
  const parsed = parseAuthenticationResults(top);
  const spfResult = parsed.results.find((r) => r.method === 'spf');
  const dmarcResult = parsed.results.find((r) => r.method === 'dmarc');
  let dmarc: ReceiverVerdicts['dmarc'] = null;
  if (dmarcResult) {
    const domain = domainOf(dmarcResult.properties['header.from']);
    const base = { ...(domain ? { domain } : {}), ...raw(dmarcResult) };
    if (dmarcResult.result === 'bestguesspass') {
      dmarc = { result: 'none', ...base, rawResult: dmarcResult.rawResult, note: 'no DMARC record; Microsoft heuristic pass' };
    } else if (dmarcResult.nonStandard) {
      dmarc = { result: dmarcResult.result, ...base, note: `non-standard result "${dmarcResult.rawResult}" as written by the receiver` };
    } else {
      dmarc = { result: dmarcResult.result, ...base };
    }
  }
  const spfDomain = spfResult ? domainOf(spfResult.properties['smtp.mailfrom'] ?? spfResult.properties['smtp.helo']) : undefined;
  return {
    spf: spfResult ? { result: spfResult.result, ...(spfDomain ? { domain: spfDomain } : {}), ...raw(spfResult) } : null,
    dkim: parsed.results
      .filter((r) => r.method === 'dkim')
      .map((r) => {
        const domain = domainOf(r.properties['header.d'] ?? r.properties['header.i']);
        const selector = r.properties['header.s'];
        return { result: r.result, ...(domain ? { domain } : {}), ...(selector ? { selector } : {}), ...raw(r) };
      }),
    dmarc,
    authservId: parsed.authservId,
    results: parsed.results,
  };
}
