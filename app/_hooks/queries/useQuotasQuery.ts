'use client';

import { useQuery } from '@tanstack/react-query';
import type { QuotaState } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/quotas: every quota's usage, exhaustion, reset and projection, refreshed every 30 s. */
export function useQuotasQuery() {
  const { get } = useApi();
  return useQuery({ queryKey: ['quotas'], queryFn: () => get<QuotaState[]>('/api/quotas'), refetchInterval: 30_000 });
}
