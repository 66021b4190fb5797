'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, QuotaInput, QuotaState } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/quotas: 201 with the quota; rejects with the message on 400 (invalid) or 409 (window taken). */
export function useCreateQuotaMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<QuotaState, ApiError, QuotaInput>({
    mutationFn: (input) => send<QuotaState>('POST', '/api/quotas', input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['quotas'] }), queryClient.invalidateQueries({ queryKey: ['smtp-servers'] })]),
  });
}
