'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, SmtpConnectionTest } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/smtp-servers/:id/test-connection: connect → TLS → EHLO → AUTH; the stage reached and the reply. */
export function useTestSmtpServerMutation(id: string) {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<SmtpConnectionTest, ApiError>({
    mutationFn: () => send<SmtpConnectionTest>('POST', `/api/smtp-servers/${encodeURIComponent(id)}/test-connection`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['smtp-servers'] }),
  });
}
