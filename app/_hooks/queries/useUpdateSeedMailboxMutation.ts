'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, SeedMailbox, SeedMailboxInput } from '../api-types.ts';
import { useApi } from '../useApi.ts';

export type UpdateSeedMailboxInput = Partial<SeedMailboxInput> & { id: string };

/** PATCH /api/seed-mailboxes/:id: answers the updated mailbox; `enabled: false` leaves it out of tests. */
export function useUpdateSeedMailboxMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<SeedMailbox, ApiError, UpdateSeedMailboxInput>({
    mutationFn: ({ id, ...patch }) => send<SeedMailbox>('PATCH', `/api/seed-mailboxes/${encodeURIComponent(id)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['seed-mailboxes'] }),
  });
}
