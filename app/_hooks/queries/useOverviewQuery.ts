'use client';

import { useQuery } from '@tanstack/react-query';
import type { Overview } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/overview. Polls every 2 s while a sweep runs, every 30 s otherwise. */
export function useOverviewQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['overview'],
    queryFn: () => get<Overview>('/api/overview'),
    refetchInterval: (query) => (query.state.data?.running ? 2_000 : 30_000),
  });
}
