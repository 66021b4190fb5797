'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, SmtpServer, SmtpServerInput } from '../api-types.ts';
import { useApi } from '../useApi.ts';

export type UpdateSmtpServerInput = Partial<SmtpServerInput> & { id: string };

/** PATCH /api/smtp-servers/:id: answers the updated server; `enabled: false` pauses it. */
export function useUpdateSmtpServerMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<SmtpServer, ApiError, UpdateSmtpServerInput>({
    mutationFn: ({ id, ...patch }) => send<SmtpServer>('PATCH', `/api/smtp-servers/${encodeURIComponent(id)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['smtp-servers'] }),
  });
}
