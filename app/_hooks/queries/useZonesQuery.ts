'use client';

import { useQuery } from '@tanstack/react-query';
import type { Zone } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/zones: the zone catalog with the user's settings and each zone's health. */
export function useZonesQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['zones'],
    queryFn: () => get<Zone[]>('/api/zones'),
    staleTime: 15_000,
  });
}
