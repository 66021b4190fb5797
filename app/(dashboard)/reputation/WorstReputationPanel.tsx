'use client';

import Link from 'next/link';
import { useReputationQuery } from '../../_hooks/queries/useReputationQuery.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { ReputationScoreBadge } from '../../_components/ReputationScoreBadge.tsx';
import { SUBJECT_TYPE_WORDS, reputationHref } from '../../_components/reputation-words.ts';

/** The overview's "Worst reputation first": the five lowest scores, each linked to its detail page. */
export function WorstReputationPanel() {
  const { data, isLoading, error } = useReputationQuery();
  const worst = data?.slice(0, 5) ?? [];
  return (
    <section className="panel" aria-labelledby="worst-reputation-heading" data-testid="worst-reputation">
      <div className="page-head" style={{ marginBottom: 8 }}>
        <h2 id="worst-reputation-heading" style={{ margin: 0 }}>Worst reputation first</h2>
        <span className="spacer" />
        <Link href="/reputation" data-testid="worst-reputation-all">All scores</Link>
      </div>
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={data?.length === 0}
        emptyMessage="No reputation score yet: scores appear after the first sweep or completed placement test."
      >
        <ol className="codes" data-testid="worst-reputation-list">
          {worst.map((s) => (
            <li key={`${s.subjectType}:${s.subjectId}`} data-testid="worst-reputation-item" data-subject-type={s.subjectType} data-subject-id={s.subjectId} style={{ padding: '3px 0' }}>
              <ReputationScoreBadge score={s.score} />{' '}
              <Link href={reputationHref(s.subjectType, s.subjectId)} className="mono">{s.subjectLabel}</Link>{' '}
              <span className="muted small">{SUBJECT_TYPE_WORDS[s.subjectType]}</span>
            </li>
          ))}
        </ol>
      </LoadingPanel>
    </section>
  );
}
