'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, SeedMailbox, SeedMailboxInput } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/seed-mailboxes: 201 with the mailbox; rejects with the server's message on 400 / 409. */
export function useCreateSeedMailboxMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<SeedMailbox, ApiError, SeedMailboxInput>({
    mutationFn: (input) => send<SeedMailbox>('POST', '/api/seed-mailboxes', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['seed-mailboxes'] }),
  });
}
