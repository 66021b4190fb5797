'use client';

import { useQuery } from '@tanstack/react-query';
import type { SmtpServer } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/smtp-servers: every outbound SMTP server with its schedule, pause state and last connection test. */
export function useSmtpServersQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['smtp-servers'],
    queryFn: () => get<SmtpServer[]>('/api/smtp-servers'),
    refetchInterval: 30_000,
  });
}
