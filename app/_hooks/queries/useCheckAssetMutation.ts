'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, CheckNowResult } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/assets/:id/check: runs a check now and resolves when it is done; refreshes that asset's data. */
export function useCheckAssetMutation(id: string) {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<CheckNowResult, ApiError>({
    mutationFn: () => send<CheckNowResult>('POST', `/api/assets/${encodeURIComponent(id)}/check`),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['assets'] }),
      queryClient.invalidateQueries({ queryKey: ['overview'] }),
      queryClient.invalidateQueries({ queryKey: ['jobs'] }),
    ]),
  });
}
