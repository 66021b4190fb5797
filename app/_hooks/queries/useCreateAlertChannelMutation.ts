'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlertChannel, AlertChannelInput, ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/alert-channels: answers the channel and, for a webhook, its signing secret (shown once). */
export function useCreateAlertChannelMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<AlertChannel & { secret?: string }, ApiError, AlertChannelInput>({
    mutationFn: (input) => send<AlertChannel & { secret?: string }>('POST', '/api/alert-channels', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alert-channels'] }),
  });
}
