import type { ZoneDefinition } from '../dnsbl/types.ts';

/**
 * True when a zone may be queried at all: retired zones are dead (BL-07: SORBS shut down 2024-06-05) and
 * wildcard zones answer "listed" for everything (BL-06); neither is ever enabled.
 */
export function isQueryable(def: Pick<ZoneDefinition, 'status'>): boolean {
  return def.status !== 'retired' && def.status !== 'wildcard';
}

/** The UTC day (YYYY-MM-DD) a daily query budget counts, for an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
