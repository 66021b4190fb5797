'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** DELETE /api/api-tokens/:id: revokes the token (204). */
export function useDeleteApiTokenMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => send<void>('DELETE', `/api/api-tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}
