import type { DecodedReply } from './reply-outcome.ts';

/** RFC 1035 §4.1.1 / RFC 6895 §2.3 rcode names, spelled as dns-packet spells them. */
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/**
 * The fast path for the commonest DNSBL reply (NXDOMAIN and the other error rcodes: ~99 % of a sweep). Accepts
 * `msg` only when it is a response (QR set, RFC 1035 §4.1.1), not truncated, with rcode ≠ NOERROR, one question,
 * and that question's name and type echo the bytes of `query` (the datagram sent; names compared
 * case-insensitively, RFC 4343). The answer section of such a reply is never read, so only the header is decoded
 * (no allocation per label). Returns the reply in dns-packet's shape (`questions` holds `name`, `type` as asked),
 * or null: anything else goes through the full decoder, which applies the same checks.
 */
export function decodeErrorReply(params: { msg: Buffer; query: Buffer | null; name: string; type: 'A' | 'TXT' }): DecodedReply | null {
  const { msg, query } = params;
  if (!query || msg.length < query.length) return null;
  if ((msg[2] & 0x80) === 0 || (msg[2] & 0x02) !== 0 || (msg[3] & 0x0f) === 0 || msg.readUInt16BE(4) !== 1) return null;
  const end = query.length - 2;
  for (let i = 12; i < end; i++) {
    let a = msg[i];
    let b = query[i];
    if (a >= 65 && a <= 90) a += 32;
    if (b >= 65 && b <= 90) b += 32;
    if (a !== b) return null;
  }
  const code = msg[3] & 0x0f;
  return {
    type: 'response',
    id: msg.readUInt16BE(0),
    flags: msg.readUInt16BE(2),
    flag_tc: false,
    rcode: RCODES[code] ?? `RCODE_${code}`,
    questions: [{ name: params.name, type: params.type, class: 'IN' }],
    answers: [],
  } as unknown as DecodedReply;
}
