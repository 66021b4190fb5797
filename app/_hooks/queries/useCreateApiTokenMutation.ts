'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, CreatedApiToken } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/api-tokens: 201 with the token, which the API shows this once. */
export function useCreateApiTokenMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<CreatedApiToken, ApiError, { name: string }>({
    mutationFn: (input) => send<CreatedApiToken>('POST', '/api/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}
