'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlertChannel, ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** PATCH /api/alert-channels/:id: name, enabled, delivery, to or url; answers the channel. */
export function useUpdateAlertChannelMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<AlertChannel, ApiError, Partial<Pick<AlertChannel, 'name' | 'enabled' | 'delivery' | 'to'>> & { id: string; url?: string }>({
    mutationFn: ({ id, ...patch }) => send<AlertChannel>('PATCH', `/api/alert-channels/${encodeURIComponent(id)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alert-channels'] }),
  });
}
