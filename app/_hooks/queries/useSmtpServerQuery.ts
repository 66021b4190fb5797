'use client';

import { useQuery } from '@tanstack/react-query';
import type { SmtpServer } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/smtp-servers/:id: one server (never its password). */
export function useSmtpServerQuery(id: string) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['smtp-servers', id],
    queryFn: () => get<SmtpServer>(`/api/smtp-servers/${encodeURIComponent(id)}`),
  });
}
