'use client';

import { useQuery } from '@tanstack/react-query';
import type { AlertRule } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/alert-rules: every rule with its parameters, severity, cooldown and channels. */
export function useAlertRulesQuery() {
  const { get } = useApi();
  return useQuery({ queryKey: ['alert-rules'], queryFn: () => get<AlertRule[]>('/api/alert-rules') });
}
