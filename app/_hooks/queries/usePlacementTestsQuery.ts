'use client';

import { useQuery } from '@tanstack/react-query';
import type { PlacementTestSummary } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/**
 * GET /api/placement-tests?serverId=: tests newest first with their counts per placement. Polls every 3 s while
 * a test is still sending or collecting, every 30 s otherwise.
 */
export function usePlacementTestsQuery({ serverId }: { serverId?: string } = {}) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['placement-tests', { serverId }],
    queryFn: () => get<PlacementTestSummary[]>('/api/placement-tests', { serverId }),
    refetchInterval: (query) => (query.state.data?.some((t) => t.status !== 'complete') ? 3_000 : 30_000),
  });
}
