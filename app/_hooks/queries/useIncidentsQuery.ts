'use client';

import { useQuery } from '@tanstack/react-query';
import type { Incident } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/incidents: open first, then acknowledged, then the resolved history; filters by rule kind and subject. */
export function useIncidentsQuery(filters: { kind?: string; subject?: string; status?: string } = {}) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['incidents', filters],
    queryFn: () => get<Incident[]>('/api/incidents', filters),
    refetchInterval: 15_000,
  });
}
