'use client';

import { useQuery } from '@tanstack/react-query';
import type { SeedMailbox } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/seed-mailboxes: every seed mailbox with its IMAP settings and last connection test (no secret). */
export function useSeedMailboxesQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['seed-mailboxes'],
    queryFn: () => get<SeedMailbox[]>('/api/seed-mailboxes'),
  });
}
