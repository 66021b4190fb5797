'use client';

import { useQuery } from '@tanstack/react-query';
import type { AlertChannel } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/alert-channels: every channel (no secrets). */
export function useAlertChannelsQuery() {
  const { get } = useApi();
  return useQuery({ queryKey: ['alert-channels'], queryFn: () => get<AlertChannel[]>('/api/alert-channels') });
}
