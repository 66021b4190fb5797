'use client';

import { useQuery } from '@tanstack/react-query';
import type { ApiTokenInfo } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/api-tokens: names, prefixes and last use (never the tokens). */
export function useApiTokensQuery() {
  const { get } = useApi();
  return useQuery({ queryKey: ['api-tokens'], queryFn: () => get<ApiTokenInfo[]>('/api/api-tokens') });
}
