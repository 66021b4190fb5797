'use client';

import { useCallback, useMemo } from 'react';
import type { Polarity, Zone } from './api-types.ts';
import { useZonesQuery } from './queries/useZonesQuery.ts';

/** Zones by name from GET /api/zones, and each zone's polarity (`block` until the zones have loaded). */
export function useZoneLookup() {
  const zones = useZonesQuery();
  const byName = useMemo(() => new Map<string, Zone>((zones.data ?? []).map((z) => [z.zone, z])), [zones.data]);
  const polarityOf = useCallback((zone: string): Polarity => byName.get(zone)?.polarity ?? 'block', [byName]);
  return { byName, polarityOf };
}
