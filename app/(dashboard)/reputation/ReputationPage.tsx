'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ReputationScore, ReputationSubjectType } from '../../_hooks/api-types.ts';
import { useReputationQuery } from '../../_hooks/queries/useReputationQuery.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';
import { ReputationScoreBadge } from '../../_components/ReputationScoreBadge.tsx';
import { SUBJECT_TYPE_WORDS, reputationHref } from '../../_components/reputation-words.ts';

const FILTERS: (ReputationSubjectType | undefined)[] = [undefined, 'ip', 'domain', 'server'];

/** The factor that cost the most points: the one whose contribution is furthest below its weight. */
function mainLoss(s: ReputationScore): string {
  const worst = [...s.factors].filter((f) => f.value !== null).sort((a, b) => b.weight - b.contribution - (a.weight - a.contribution))[0];
  if (!worst || worst.weight - worst.contribution < 0.05) return '—';
  return `${worst.label} (−${(worst.weight - worst.contribution).toFixed(1)})`;
}

/** Reputation `/reputation`: every subject's latest score, worst first, filterable by type. */
export function ReputationPage() {
  const [subjectType, setSubjectType] = useState<ReputationSubjectType | undefined>(undefined);
  const { data, isLoading, error } = useReputationQuery({ subjectType });
  return (
    <>
      <h1>Reputation</h1>
      <p className="muted">
        A score from 0 to 100 per IP, domain and SMTP server, from published weights: blocklist listings 40,
        inbox rate 25, receiver auth pass rate 20, deferrals and rejections 15. A factor without data gives its
        points to the others. Open a subject to see what each factor contributed.
      </p>
      <div className="filters" role="group" aria-label="Show subjects" data-testid="reputation-filter">
        {FILTERS.map((f) => (
          <button key={f ?? 'all'} type="button" aria-pressed={subjectType === f} onClick={() => setSubjectType(f)} data-testid={`reputation-filter-${f ?? 'all'}`}>
            {f ? SUBJECT_TYPE_WORDS[f] : 'All'}
          </button>
        ))}
      </div>
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={data?.length === 0}
        emptyMessage="No score yet: scores appear after the first sweep or completed placement test."
      >
        <div className="table-wrap">
          <table data-testid="reputation-table">
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Subject</th>
                <th scope="col">Type</th>
                <th scope="col">Biggest loss</th>
                <th scope="col">Scored</th>
              </tr>
            </thead>
            <tbody>
              {data?.map((s) => (
                <tr key={`${s.subjectType}:${s.subjectId}`} data-testid="reputation-row" data-subject-type={s.subjectType} data-subject-id={s.subjectId}>
                  <td><ReputationScoreBadge score={s.score} /></td>
                  <td><Link href={reputationHref(s.subjectType, s.subjectId)} className="mono" data-testid="reputation-link">{s.subjectLabel}</Link></td>
                  <td>{SUBJECT_TYPE_WORDS[s.subjectType]}</td>
                  <td>{mainLoss(s)}</td>
                  <td><RelativeTime value={s.at} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </>
  );
}
