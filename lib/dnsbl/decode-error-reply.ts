import type { DnsOutcome } from './types.ts';

/** RFC 1035 §4.1.1 / RFC 6895 §2.3 rcode names, spelled as dns-packet spells them. */
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/**
 * The fast path for the commonest DNSBL reply (NXDOMAIN and the other error rcodes: ~99 % of a sweep). Accepts
 * `msg` only when it is a response (QR set, RFC 1035 §4.1.1), not truncated, with rcode ≠ NOERROR, one question,
 * and that question's name and type echo the bytes of `query` (the datagram sent; names compared
 * case-insensitively, RFC 4343). The answer section of such a reply is never read, so only the header is decoded.
 * Returns the rcode (1–15), or -1: anything else goes through the full decoder, which applies the same checks.
 */
export function errorReplyRcode(params: { msg: Buffer; query: Buffer | null }): number {
  const { msg, query } = params;
  if (!query || msg.length < query.length) return -1;
  if ((msg[2] & 0x80) === 0 || (msg[2] & 0x02) !== 0 || (msg[3] & 0x0f) === 0 || msg[4] !== 0 || msg[5] !== 1) return -1;
  const end = query.length - 2;
  for (let i = 12; i < end; i++) {
    let a = msg[i];
    let b = query[i];
    if (a >= 65 && a <= 90) a += 32;
    if (b >= 65 && b <= 90) b += 32;
    if (a !== b) return -1;
  }
  return msg[3] & 0x0f;
}

/** The outcome of an error rcode (DNS-01), shared and frozen for each rcode (no allocation per NXDOMAIN). */
export const ERROR_OUTCOMES: readonly DnsOutcome[] = RCODES.concat(['RCODE_11', 'RCODE_12', 'RCODE_13', 'RCODE_14', 'RCODE_15']).map((name) =>
  Object.freeze(
    name === 'NXDOMAIN' ? { kind: 'nxdomain' } : name === 'SERVFAIL' ? { kind: 'servfail' } : name === 'REFUSED' ? { kind: 'refused' } : { kind: 'other', rcode: name },
  ) as DnsOutcome,
);
