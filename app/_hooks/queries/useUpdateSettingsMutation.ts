'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, Settings } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** PUT /api/settings `{ alertEmailTo }`: answers the saved settings. */
export function useUpdateSettingsMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<Settings, ApiError, { alertEmailTo: string[] }>({
    mutationFn: (input) => send<Settings>('PUT', '/api/settings', input),
    onSuccess: (settings) => queryClient.setQueryData(['settings'], settings),
  });
}
