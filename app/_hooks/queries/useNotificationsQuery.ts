'use client';

import { useQuery } from '@tanstack/react-query';
import type { AlertNotification } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/notifications?channelId=: the delivery log, newest first (status, attempts, last error). */
export function useNotificationsQuery(filters: { channelId?: string } = {}) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['notifications', filters],
    queryFn: () => get<AlertNotification[]>('/api/notifications', { ...filters, limit: 50 }),
    refetchInterval: 15_000,
  });
}
