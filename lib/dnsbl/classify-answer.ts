/**
 * Classify one DNS outcome for one zone into a verdict (design §5; dnsbl-catalog.md §3.2).
 */
import type { DnsOutcome, ErrorReason, ReturnCode, Severity, Verdict, ZoneDefinition } from './types.ts';
import { codeBounds, isIPv4, ipv4ToInt } from './parse-ip.ts';

/**
 * The classified outcome. `codes` and `meanings` run in parallel (one meaning per code, codes in ascending
 * order): the listing codes for `listed`, the operator error codes for `query_blocked`, the offending answers for
 * `invalid_answer`. `severity` is the highest severity among the listing codes (only for `listed`).
 */
export interface Classification {
  verdict: Verdict;
  reason?: ErrorReason;
  codes: string[];
  meanings: string[];
  detail?: string;
  severity?: Severity;
}

/** Detail of an answer outside 127.0.0.0/8 (case BL-08): a rewriting resolver, never a listing. */
export const OUTSIDE_LOOPBACK_DETAIL = 'answer outside 127.0.0.0/8: the resolver rewrites answers';

/** The commonest classification (NXDOMAIN/NODATA: ~99 % of a sweep), shared and frozen. */
const NOT_LISTED: Classification = Object.freeze({ verdict: 'not_listed', codes: Object.freeze([]) as unknown as string[], meanings: Object.freeze([]) as unknown as string[] });

const SEVERITY_ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const BITS = [1, 2, 4, 8, 16, 32, 64, 128];

/** The entry of `table` whose code or inclusive range contains `address`, or undefined. */
export function findCode<T extends { code: string }>(params: { table: T[]; address: string }): T | undefined {
  const value = ipv4ToInt(params.address);
  return params.table.find((entry) => {
    const bounds = codeBounds(entry.code);
    return bounds !== null && bounds.start <= value && value <= bounds.end;
  });
}

function maxSeverity(severities: Severity[]): Severity {
  return severities.reduce((a, b) => (SEVERITY_ORDER.indexOf(b) > SEVERITY_ORDER.indexOf(a) ? b : a), 'info');
}

function error(reason: ErrorReason, detail?: string): Classification {
  return { verdict: 'error', reason, codes: [], meanings: [], ...(detail ? { detail } : {}) };
}

type Found = { code: string; meaning: string };
type Listing = ReturnCode;

/**
 * Decompose a bitmask answer 127.0.0.x (URIBL, SURBL, Validity RPBL): every set bit must be a listing bit or an
 * error bit (URIBL/SURBL bit 1 = blocked, listed in errorCodes as 127.0.0.1).
 */
function classifyBits(zone: ZoneDefinition, address: string): { listing?: Listing; error?: Found; unknownBits: number[] } {
  const octet = Number(address.split('.')[3]);
  const set = BITS.filter((bit) => (octet & bit) !== 0);
  const errorBit = set.map((bit) => findCode({ table: zone.errorCodes, address: `127.0.0.${bit}` })).find(Boolean);
  if (errorBit) return { error: { code: address, meaning: errorBit.meaning }, unknownBits: [] };
  const known = (zone.returnBits ?? []).filter((entry) => set.includes(entry.bit));
  const unknownBits = set.filter((bit) => !known.some((entry) => entry.bit === bit));
  if (known.length === 0) return { unknownBits };
  return {
    listing: {
      code: address,
      meaning: known.map((entry) => entry.meaning).join('; '),
      severity: maxSeverity(known.map((entry) => entry.severity)),
    },
    unknownBits,
  };
}

/**
 * Classify a DNS outcome for a zone.
 *
 * - NXDOMAIN or NODATA (also an answer with no A records) → `not_listed`.
 * - SERVFAIL → error `servfail`; REFUSED → `refused`; timeout → `timeout`; any other rcode → `servfail` with the
 *   rcode in `detail`. Never "clean" (case DNS-01).
 * - Any A value outside 127.0.0.0/8 (e.g. `0.0.0.0`, `203.0.113.80`) → error `invalid_answer`, detail
 *   OUTSIDE_LOOPBACK_DETAIL: the resolver rewrites answers (case BL-08; RFC 5782 §2.3).
 * - Any documented operator error code (Spamhaus 127.255.255.0/24, DBL 127.0.1.255, ZRD 127.0.2.255, DNSWL
 *   127.0.0.255 and 127.0.10.x, Validity 127.255.255.255, URIBL/SURBL bit 1) → error `query_blocked` with the
 *   code and its meaning, whatever the zone's key type (cases BL-01, BL-02, BL-05). An error code anywhere in the
 *   answer makes the whole answer an error.
 * - Codes in the zone's table (or bits of its bitmask) → `listed`, all of them with their meanings (ZEN may answer
 *   127.0.0.2, .4 and .10 at once). Unknown codes next to known ones are named in `detail`.
 * - Only 127/8 codes the zone does not define → error `invalid_answer` naming them (design §5).
 *
 * Polarity never changes the verdict word: an allow-list (DNSWL) hit is `listed` with `info` severity; callers
 * read `zone.polarity` to know it is good news.
 */
export function classifyAnswer(params: { zone: ZoneDefinition; outcome: DnsOutcome }): Classification {
  const { zone, outcome } = params;
  switch (outcome.kind) {
    case 'nxdomain':
    case 'nodata':
      return NOT_LISTED;
    case 'servfail':
      return error('servfail', 'the resolver answered SERVFAIL');
    case 'refused':
      return error('refused', 'the resolver answered REFUSED');
    case 'timeout':
      return error('timeout', 'no answer before the query timeout');
    case 'other':
      return error('servfail', `the resolver answered ${outcome.rcode}`);
    case 'answer':
      return classifyAddresses(zone, outcome.addresses);
  }
}

function classifyAddresses(zone: ZoneDefinition, answered: string[]): Classification {
  if (answered.length === 0) return NOT_LISTED;
  const malformed = answered.filter((address) => !isIPv4(address));
  if (malformed.length > 0) {
    return {
      verdict: 'error',
      reason: 'invalid_answer',
      codes: malformed,
      meanings: malformed.map(() => 'not an IPv4 address'),
      detail: `answer ${malformed.join(', ')} is not an IPv4 address`,
    };
  }
  const addresses = [...new Set(answered)].sort((a, b) => ipv4ToInt(a) - ipv4ToInt(b));
  const outside = addresses.filter((address) => !address.startsWith('127.'));
  if (outside.length > 0) {
    return {
      verdict: 'error',
      reason: 'invalid_answer',
      codes: outside,
      meanings: outside.map(() => 'outside 127.0.0.0/8: not a DNSBL return code'),
      detail: OUTSIDE_LOOPBACK_DETAIL,
    };
  }
  const errors: Found[] = [];
  const listings: Listing[] = [];
  const unknown: string[] = [];
  for (const address of addresses) {
    const errorCode = findCode({ table: zone.errorCodes, address });
    const listing = errorCode ? undefined : findCode({ table: zone.returnCodes, address });
    if (errorCode) errors.push({ code: address, meaning: errorCode.meaning });
    else if (listing) listings.push({ code: address, meaning: listing.meaning, severity: listing.severity });
    else if (zone.returnBits && address.startsWith('127.0.0.')) {
      const bits = classifyBits(zone, address);
      if (bits.error) errors.push(bits.error);
      else if (!bits.listing) unknown.push(address);
      else {
        listings.push(bits.listing);
        if (bits.unknownBits.length > 0) unknown.push(`${address} (undefined bit ${bits.unknownBits.join(', ')})`);
      }
    } else unknown.push(address);
  }
  if (errors.length > 0) {
    const others = addresses.filter((address) => !errors.some((entry) => entry.code === address));
    return {
      verdict: 'error',
      reason: 'query_blocked',
      codes: errors.map((entry) => entry.code),
      meanings: errors.map((entry) => entry.meaning),
      detail:
        `${zone.zone} answered the operator error code ${errors.map((entry) => entry.code).join(', ')}` +
        (others.length > 0 ? `; also answered ${others.join(', ')}, not counted as a listing` : ''),
    };
  }
  if (listings.length > 0) {
    return {
      verdict: 'listed',
      codes: listings.map((entry) => entry.code),
      meanings: listings.map((entry) => entry.meaning),
      severity: maxSeverity(listings.map((entry) => entry.severity)),
      ...(unknown.length > 0 ? { detail: `also answered ${unknown.join(', ')}, not defined by ${zone.zone}` } : {}),
    };
  }
  return {
    verdict: 'error',
    reason: 'invalid_answer',
    codes: unknown.map((entry) => entry.split(' ')[0]),
    meanings: unknown.map(() => `return code not defined by ${zone.zone}`),
    detail: `code ${unknown.join(', ')} is not defined by ${zone.zone}`,
  };
}
