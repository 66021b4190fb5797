import type { DecodedPacket } from 'dns-packet';
import type { DnsOutcome } from './types.ts';

/** dns-packet's decoded reply; its typings omit the rcode string it sets. */
export type DecodedReply = DecodedPacket & { rcode?: string };

/** A DNS name lower-cased, without a trailing dot (names compare case-insensitively, RFC 4343). */
export function lowerName(name: string): string {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  return n.toLowerCase();
}

/**
 * Maps a reply to an outcome (DNS-01): NOERROR with records of the asked type at the end of the CNAME chain →
 * `answer`; NOERROR without them → `nodata`; NXDOMAIN; SERVFAIL; REFUSED; any other rcode → `other`.
 */
export function replyOutcome(reply: DecodedReply, name: string, type: 'A' | 'TXT'): { outcome: DnsOutcome; texts: string[] } {
  switch (reply.rcode) {
    case 'NOERROR':
      break;
    case 'NXDOMAIN':
      return { outcome: { kind: 'nxdomain' }, texts: [] };
    case 'SERVFAIL':
      return { outcome: { kind: 'servfail' }, texts: [] };
    case 'REFUSED':
      return { outcome: { kind: 'refused' }, texts: [] };
    default:
      return { outcome: { kind: 'other', rcode: reply.rcode ?? 'UNKNOWN' }, texts: [] };
  }
  const answers = reply.answers ?? [];
  const addresses: string[] = [];
  const texts: string[] = [];
  let owner = lowerName(name);
  for (let hop = 0; hop < 8; hop++) {
    let cname: string | null = null;
    for (const rr of answers) {
      if (lowerName(rr.name) !== owner) continue;
      if (rr.type === type) {
        if (rr.type === 'A') addresses.push(rr.data);
        else if (rr.type === 'TXT') texts.push(joinTxt(rr.data));
      } else if (rr.type === 'CNAME') cname = lowerName(rr.data);
    }
    if (addresses.length > 0 || texts.length > 0 || cname === null) break;
    owner = cname;
  }
  if (addresses.length === 0 && texts.length === 0) return { outcome: { kind: 'nodata' }, texts };
  return { outcome: { kind: 'answer', addresses }, texts };
}

function joinTxt(data: string | Buffer | (string | Buffer)[]): string {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (typeof p === 'string' ? p : p.toString('utf8'))).join('');
}

