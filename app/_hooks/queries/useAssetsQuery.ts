'use client';

import { useQuery } from '@tanstack/react-query';
import type { Asset } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/assets: every monitored asset with its status. */
export function useAssetsQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['assets'],
    queryFn: () => get<Asset[]>('/api/assets'),
    refetchInterval: 30_000,
  });
}
