'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, ImapConnectionTest } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/seed-mailboxes/:id/test-connection: the folders found and the spam folder with why, or the error. */
export function useTestSeedMailboxMutation(id: string) {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<ImapConnectionTest, ApiError>({
    mutationFn: () => send<ImapConnectionTest>('POST', `/api/seed-mailboxes/${encodeURIComponent(id)}/test-connection`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['seed-mailboxes'] }),
  });
}
