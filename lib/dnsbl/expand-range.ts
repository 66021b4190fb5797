/**
 * The addresses a Target stands for (design §4: an IPv4 range expands to its addresses at sweep time).
 */
import type { Target } from './types.ts';
import { intToIPv4, ipv4ToInt } from './parse-ip.ts';

/**
 * Every address or domain to query for a target, in ascending order.
 * An ip or domain target yields its value; a range yields every address of the network lazily, the network and
 * broadcast addresses included (a DNSBL lists addresses, not hosts). A /16 yields 65,536 strings. The iterable
 * can be iterated more than once; each iteration generates the addresses afresh.
 * @example [...targetAddresses(parseTarget('192.0.2.0/30'))] // ['192.0.2.0', '192.0.2.1', '192.0.2.2', '192.0.2.3']
 */
export function targetAddresses(target: Target): Iterable<string> {
  if (target.kind !== 'range') return [target.value];
  const { network, size } = target;
  return { [Symbol.iterator]: () => rangeAddresses(network, size) };
}

function* rangeAddresses(network: string, size: number): Generator<string> {
  const start = ipv4ToInt(network);
  for (let i = 0; i < size; i += 1) yield intToIPv4(start + i);
}

/** How many addresses targetAddresses yields: 1 for an ip or domain, the range size (2^(32 − prefix)) for a range. */
export function targetCount(target: Target): number {
  return target.kind === 'range' ? target.size : 1;
}
