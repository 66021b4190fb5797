'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, Settings, SettingsUpdate } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** PUT /api/settings with the fields to change (alert recipients, placement timing): answers the saved settings. */
export function useUpdateSettingsMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<Settings, ApiError, SettingsUpdate>({
    mutationFn: (input) => send<Settings>('PUT', '/api/settings', input),
    onSuccess: (settings) => queryClient.setQueryData(['settings'], settings),
  });
}
