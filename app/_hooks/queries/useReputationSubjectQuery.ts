'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReputationDetail, ReputationSubjectType } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/**
 * GET /api/reputation/:subjectType/:subjectId?days=: latest score, factors and history. `enabled` lets a page ask
 * only once it knows the subject; a subject without a score yet answers 404 (shown as "not scored yet").
 */
export function useReputationSubjectQuery({ subjectType, subjectId, days = 90, enabled = true }: {
  subjectType: ReputationSubjectType;
  subjectId: string;
  days?: number;
  enabled?: boolean;
}) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['reputation:subject', { subjectType, subjectId, days }],
    queryFn: () => get<ReputationDetail>(`/api/reputation/${subjectType}/${encodeURIComponent(subjectId)}`, { days }),
    enabled,
    retry: false,
    refetchInterval: 60_000,
  });
}
