'use client';

import { useQuery } from '@tanstack/react-query';
import type { PlacementTestDetail } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/placement-tests/:id: status and one result per seed. Polls every 3 s until the test is complete. */
export function usePlacementTestQuery(id: string) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['placement-tests', id],
    queryFn: () => get<PlacementTestDetail>(`/api/placement-tests/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.status === 'complete' ? false : 3_000),
  });
}
