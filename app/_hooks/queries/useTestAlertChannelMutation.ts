'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/alert-channels/:id/test: `{ id, status: 'sent' | 'failed', lastError }`. */
export function useTestAlertChannelMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<{ id: string; status: 'sent' | 'failed'; lastError: string | null }, ApiError, string>({
    mutationFn: (id) => send('POST', `/api/alert-channels/${encodeURIComponent(id)}/test`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
