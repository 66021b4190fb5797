import type { DnsOutcome } from './types.ts';

/**
 * A DNS outcome in the words an operator reads in a health reason: `NXDOMAIN`, `NODATA`, `timeout`, `SERVFAIL`,
 * `REFUSED`, the rcode name for other rcodes, or the answered addresses joined by `, `.
 */
export function describeOutcome(outcome: DnsOutcome): string {
  switch (outcome.kind) {
    case 'answer':
      return outcome.addresses.join(', ');
    case 'nxdomain':
      return 'NXDOMAIN';
    case 'nodata':
      return 'NODATA';
    case 'servfail':
      return 'SERVFAIL';
    case 'refused':
      return 'REFUSED';
    case 'timeout':
      return 'timeout';
    case 'other':
      return outcome.rcode;
  }
}

/** True when an IPv4 address lies in 127.0.0.0/8, the only range DNSBL answers may use (RFC 5782 §2.3). */
export function isLoopbackAnswer(address: string): boolean {
  return address.startsWith('127.') && address.split('.').length === 4;
}
