'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, CreatedAsset } from '../api-types.ts';
import { useApi } from '../useApi.ts';

export interface CreateAssetInput {
  value: string;
  label?: string;
}

/** POST /api/assets: 201 `{ id, kind, value }`; rejects with the server's message on 400 / 409. */
export function useCreateAssetMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<CreatedAsset, ApiError, CreateAssetInput>({
    mutationFn: (input) => send<CreatedAsset>('POST', '/api/assets', input),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['assets'] }),
      queryClient.invalidateQueries({ queryKey: ['overview'] }),
    ]),
  });
}
