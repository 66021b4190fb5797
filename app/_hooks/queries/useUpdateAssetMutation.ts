'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, Asset } from '../api-types.ts';
import { useApi } from '../useApi.ts';

export interface UpdateAssetInput {
  id: string;
  label?: string | null;
  /** false pauses the asset, true resumes it. */
  enabled?: boolean;
}

/** PATCH /api/assets/:id: answers the updated asset. */
export function useUpdateAssetMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<Asset, ApiError, UpdateAssetInput>({
    mutationFn: ({ id, ...patch }) => send<Asset>('PATCH', `/api/assets/${encodeURIComponent(id)}`, patch),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['assets'] }),
      queryClient.invalidateQueries({ queryKey: ['overview'] }),
    ]),
  });
}
