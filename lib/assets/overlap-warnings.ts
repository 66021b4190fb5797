import type { Asset } from '../generated/prisma/client.ts';
import type { Target } from '../dnsbl/types.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { ipv4ToInt } from '../dnsbl/parse-ip.ts';

/** First and last address of an IPv4 ip or range target as integers; null for IPv6 and domains. */
function bounds(t: Target): { start: number; end: number } | null {
  if (t.kind === 'range') {
    const start = ipv4ToInt(t.network);
    return { start, end: start + t.size - 1 };
  }
  if (t.kind === 'ip' && t.family === 4) {
    const start = ipv4ToInt(t.value);
    return { start, end: start };
  }
  return null;
}

/**
 * Warnings for a new IPv4 asset that overlaps assets already monitored (its addresses would be queried twice per
 * sweep, on every zone): an address inside a monitored range, or a range holding monitored addresses or ranges.
 * @example ['192.0.2.7 is already swept as part of 192.0.2.0/24']
 * @example ['198.51.100.0/24 holds 198.51.100.5, already monitored on its own']
 */
export function overlapWarnings(params: { target: Target; others: Pick<Asset, 'value'>[] }): string[] {
  const mine = bounds(params.target);
  if (!mine) return [];
  const warnings: string[] = [];
  for (const other of params.others) {
    const t = parseTarget(other.value);
    const b = bounds(t);
    if (!b || b.end < mine.start || b.start > mine.end) continue;
    if (b.start <= mine.start && b.end >= mine.end && t.kind === 'range') {
      warnings.push(`${params.target.value} is already swept as part of ${t.value}`);
    } else if (t.kind === 'ip') {
      warnings.push(`${params.target.value} holds ${t.value}, already monitored on its own`);
    } else {
      warnings.push(`${params.target.value} overlaps ${t.value}, already monitored`);
    }
  }
  return warnings;
}
