'use client';

import Link from 'next/link';
import type { ReputationSubjectType } from '../_hooks/api-types.ts';
import { useReputationSubjectQuery } from '../_hooks/queries/useReputationSubjectQuery.ts';
import { ReputationScoreBadge } from './ReputationScoreBadge.tsx';
import { reputationHref } from './reputation-words.ts';

/** "Reputation 72.0 · details" for a subject's detail page header; "not scored yet" until its first snapshot. */
export function ReputationLink({ subjectType, subjectId }: { subjectType: ReputationSubjectType; subjectId: string }) {
  const { data, isLoading } = useReputationSubjectQuery({ subjectType, subjectId, days: 1 });
  if (isLoading) return null;
  return (
    <span className="small" data-testid="reputation-link-summary">
      Reputation{' '}
      {data ? (
        <>
          <ReputationScoreBadge score={data.score} testId="subject-reputation-score" />{' '}
          <Link href={reputationHref(subjectType, subjectId)} data-testid="subject-reputation-link">factors and history</Link>
        </>
      ) : (
        <span className="muted">not scored yet</span>
      )}
    </span>
  );
}
