'use client';

import { useQuery } from '@tanstack/react-query';
import type { PlacementStatPoint } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/placement-stats?serverId=&days=: sent / inbox / tab / spam / missing per provider and day. */
export function usePlacementStatsQuery({ serverId, days = 30 }: { serverId?: string; days?: number } = {}) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['placement-stats', { serverId, days }],
    queryFn: () => get<PlacementStatPoint[]>('/api/placement-stats', { serverId, days }),
    refetchInterval: 60_000,
  });
}
