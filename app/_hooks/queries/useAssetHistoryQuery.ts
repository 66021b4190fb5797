'use client';

import { useQuery } from '@tanstack/react-query';
import type { HistoryPoint } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/assets/:id/history: listed / not listed / errors per sweep, oldest first. */
export function useAssetHistoryQuery(id: string) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['assets', id, 'history'],
    queryFn: () => get<HistoryPoint[]>(`/api/assets/${encodeURIComponent(id)}/history`),
  });
}
