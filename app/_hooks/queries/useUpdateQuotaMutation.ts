'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, QuotaPatch, QuotaState } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** PATCH /api/quotas/:id: limit, thresholds, or lifting a relay's exhaustion mark. */
export function useUpdateQuotaMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<QuotaState, ApiError, { id: string; patch: QuotaPatch }>({
    mutationFn: ({ id, patch }) => send<QuotaState>('PATCH', `/api/quotas/${id}`, patch),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['quotas'] }), queryClient.invalidateQueries({ queryKey: ['smtp-servers'] })]),
  });
}
