'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, Zone } from '../api-types.ts';
import { useApi } from '../useApi.ts';

export interface UpdateZoneInput {
  zone: string;
  enabled?: boolean;
  /** 0–10. */
  weight?: number;
  /** Queries per UTC day; null = unlimited. */
  dailyBudget?: number | null;
  /** Keyed zones: the account key (write-only); null removes it. */
  key?: string | null;
}

/** PATCH /api/zones/:zone: answers the updated zone, which replaces its row in the zones cache. */
export function useUpdateZoneMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<Zone, ApiError, UpdateZoneInput>({
    mutationFn: ({ zone, ...patch }) => send<Zone>('PATCH', `/api/zones/${encodeURIComponent(zone)}`, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData<Zone[]>(['zones'], (zones) =>
        zones?.map((z) => (z.zone === updated.zone ? updated : z)),
      );
      return queryClient.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}
