'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlertRule, AlertRulePatch, ApiError } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** PATCH /api/alert-rules/:id: enable, severity, params, channels, cooldown; answers the rule. */
export function useUpdateAlertRuleMutation() {
  const { send } = useApi();
  const queryClient = useQueryClient();
  return useMutation<AlertRule, ApiError, AlertRulePatch & { id: string }>({
    mutationFn: ({ id, ...patch }) => send<AlertRule>('PATCH', `/api/alert-rules/${encodeURIComponent(id)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alert-rules'] }),
  });
}
