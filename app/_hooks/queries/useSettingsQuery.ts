'use client';

import { useQuery } from '@tanstack/react-query';
import type { Settings } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/settings: alert recipients, whether alert SMTP is configured, resolver and sweep schedule. */
export function useSettingsQuery() {
  const { get } = useApi();
  return useQuery({
    queryKey: ['settings'],
    queryFn: () => get<Settings>('/api/settings'),
  });
}
