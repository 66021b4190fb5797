'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError, Incident } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/incidents/:id/acknowledge: answers the updated incident. */
export function useAcknowledgeIncidentMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<Incident, ApiError, string>({
    mutationFn: (id) => send<Incident>('POST', `/api/incidents/${encodeURIComponent(id)}/acknowledge`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incidents'] }),
  });
}
