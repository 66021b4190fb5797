'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** DELETE /api/alert-channels/:id: 204. */
export function useDeleteAlertChannelMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => send<void>('DELETE', `/api/alert-channels/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alert-channels'] }),
  });
}
