'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** DELETE /api/assets/:id (204): removes the asset with its listings and history. */
export function useDeleteAssetMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => send<void>('DELETE', `/api/assets/${encodeURIComponent(id)}`),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: ['assets', id] });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['assets'], exact: true }),
        queryClient.invalidateQueries({ queryKey: ['overview'] }),
      ]);
    },
  });
}
