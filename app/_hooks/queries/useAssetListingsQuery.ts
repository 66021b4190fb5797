'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Listing, Verdict } from '../api-types.ts';
import { useApi } from '../useApi.ts';

export interface AssetListingsParams {
  id: string;
  verdict?: Verdict;
  limit: number;
  offset: number;
}

/** GET /api/assets/:id/listings?verdict&limit&offset: one row per address and zone. */
export function useAssetListingsQuery({ id, verdict, limit, offset }: AssetListingsParams) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['assets', id, 'listings', { verdict, limit, offset }],
    queryFn: () => get<Listing[]>(`/api/assets/${encodeURIComponent(id)}/listings`, { verdict, limit, offset }),
    placeholderData: keepPreviousData,
  });
}
