'use client';

import { useQuery } from '@tanstack/react-query';
import type { Asset } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/assets/:id: one asset with its status. */
export function useAssetQuery(id: string) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['assets', id],
    queryFn: () => get<Asset>(`/api/assets/${encodeURIComponent(id)}`),
  });
}
