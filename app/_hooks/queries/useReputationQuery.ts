'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReputationScore, ReputationSubjectType } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** GET /api/reputation?subjectType=: the latest score of every subject, worst first. */
export function useReputationQuery({ subjectType }: { subjectType?: ReputationSubjectType } = {}) {
  const { get } = useApi();
  return useQuery({
    queryKey: ['reputation', { subjectType }],
    queryFn: () => get<ReputationScore[]>('/api/reputation', { subjectType }),
    refetchInterval: 60_000,
  });
}
