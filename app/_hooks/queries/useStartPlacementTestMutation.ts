'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/placement-tests `{ serverId }`: 201 `{ id }` of the test, which then sends and collects. */
export function useStartPlacementTestMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<{ id: string }, ApiError, { serverId: string }>({
    mutationFn: (input) => send<{ id: string }>('POST', '/api/placement-tests', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placement-tests'] }),
  });
}
