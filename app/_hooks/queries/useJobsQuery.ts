'use client';

import { useQuery } from '@tanstack/react-query';
import type { Jobs } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/jobs: schedules and recent runs. Polls every 2 s while a run is in progress. */
export function useJobsQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['jobs'],
    queryFn: () => get<Jobs>('/api/jobs'),
    refetchInterval: (query) =>
      query.state.data?.runs.some((run) => run.status === 'running') ? 2_000 : 30_000,
  });
}
