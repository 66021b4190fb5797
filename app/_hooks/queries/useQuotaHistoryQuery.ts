'use client';

import { useQuery } from '@tanstack/react-query';
import type { QuotaHistory } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/quotas/:id/history: sends per hour (day windows) or per day (month, credits) for the chart. */
export function useQuotaHistoryQuery(id: string) {
  const { get } = useApi();
  return useQuery({ queryKey: ['quotas', id, 'history'], queryFn: () => get<QuotaHistory>(`/api/quotas/${id}/history`), refetchInterval: 60_000 });
}
