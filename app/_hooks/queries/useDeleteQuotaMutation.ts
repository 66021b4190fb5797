'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** DELETE /api/quotas/:id: 204. */
export function useDeleteQuotaMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => send<void>('DELETE', `/api/quotas/${id}`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['quotas'] }), queryClient.invalidateQueries({ queryKey: ['smtp-servers'] })]),
  });
}
