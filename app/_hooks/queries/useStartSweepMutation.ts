'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/sweeps: starts a full sweep now (202 `{ jobRunId }`); refreshes the overview and jobs. */
export function useStartSweepMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<{ jobRunId: string }, ApiError>({
    mutationFn: () => send<{ jobRunId: string }>('POST', '/api/sweeps'),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['overview'] }),
      queryClient.invalidateQueries({ queryKey: ['jobs'] }),
    ]),
  });
}
