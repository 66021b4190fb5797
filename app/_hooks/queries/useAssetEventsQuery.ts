'use client';

import { useQuery } from '@tanstack/react-query';
import type { ListingEvent } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/assets/:id/events: listing and delisting events, newest first. */
export function useAssetEventsQuery(id: string) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['assets', id, 'events'],
    queryFn: () => get<ListingEvent[]>(`/api/assets/${encodeURIComponent(id)}/events`),
  });
}
