'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, SmtpServer, SmtpServerInput } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/smtp-servers: 201 with the server; rejects with the server's message on 400. */
export function useCreateSmtpServerMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<SmtpServer, ApiError, SmtpServerInput>({
    mutationFn: (input) => send<SmtpServer>('POST', '/api/smtp-servers', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['smtp-servers'] }),
  });
}
