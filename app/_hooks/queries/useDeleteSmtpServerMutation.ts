'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** DELETE /api/smtp-servers/:id (204): removes the server with its placement tests. */
export function useDeleteSmtpServerMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => send<void>('DELETE', `/api/smtp-servers/${encodeURIComponent(id)}`),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: ['smtp-servers', id] });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['smtp-servers'], exact: true }),
        queryClient.invalidateQueries({ queryKey: ['placement-tests'] }),
      ]);
    },
  });
}
