'use client';

import Link from 'next/link';
import type { ReputationDetail, ReputationSubjectType } from '../../../../_hooks/api-types.ts';
import { useReputationSubjectQuery } from '../../../../_hooks/queries/useReputationSubjectQuery.ts';
import { ReputationHistoryChart } from '../../../../_components/charts/ReputationHistoryChart.tsx';
import { LoadingPanel } from '../../../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../../../_components/RelativeTime.tsx';
import { ReputationScoreBadge } from '../../../../_components/ReputationScoreBadge.tsx';
import { SUBJECT_TYPE_WORDS } from '../../../../_components/reputation-words.ts';

const TYPES: ReputationSubjectType[] = ['ip', 'domain', 'server'];

/** Where the subject itself is shown: the asset page for an IP, the server page for a server. */
function subjectHref(d: ReputationDetail): string | null {
  if (d.subjectType === 'ip') return `/assets/${d.subjectId}`;
  if (d.subjectType === 'server') return `/servers/${d.subjectId}`;
  return null;
}

function FactorTable({ detail }: { detail: ReputationDetail }) {
  return (
    <div className="table-wrap">
      <table data-testid="reputation-factors">
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col" className="num">Value</th>
            <th scope="col" className="num">Weight</th>
            <th scope="col" className="num">Points</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {detail.factors.map((f) => (
            <tr key={f.factor} data-testid="reputation-factor" data-factor={f.factor} data-value={f.value ?? ''} data-weight={f.weight} data-contribution={f.contribution}>
              <td>{f.label}</td>
              <td className="num">{f.value === null ? <span className="muted">no data</span> : f.value.toFixed(1)}</td>
              <td className="num">
                {f.weight.toFixed(1)}
                {f.weight !== f.baseWeight ? <div className="muted small">published {f.baseWeight}</div> : null}
              </td>
              <td className="num">{f.contribution.toFixed(1)}</td>
              <td className="txt" style={{ maxWidth: 640 }}>{f.detail}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>Score</th>
            <td className="num" data-testid="reputation-factor-total">{detail.score.toFixed(1)}</td>
            <td className="muted small">value × weight ÷ 100 per factor, summed</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Reputation detail `/reputation/:subjectType/:subjectId`: the score, its factors with their points, and its history. */
export function ReputationDetailPage({ subjectType, subjectId }: { subjectType: string; subjectId: string }) {
  const type = TYPES.find((t) => t === subjectType) ?? 'ip';
  const known = TYPES.includes(subjectType as ReputationSubjectType);
  const { data, isLoading, error } = useReputationSubjectQuery({ subjectType: type, subjectId, enabled: known });
  const href = data ? subjectHref(data) : null;
  return (
    <>
      <p className="small"><Link href="/reputation">← Reputation</Link></p>
      {known ? null : <div className="alert error" role="alert">Unknown subject type “{subjectType}”: use ip, domain or server.</div>}
      <LoadingPanel isLoading={known && isLoading} error={error}>
        {data ? (
          <>
            <header className="page-head" data-testid="reputation-header" data-subject-type={data.subjectType} data-subject-id={data.subjectId}>
              <h1 className="mono" style={{ margin: 0 }}>{data.subjectLabel}</h1>
              <span className="muted">{SUBJECT_TYPE_WORDS[data.subjectType]}</span>
              <ReputationScoreBadge score={data.score} testId="reputation-detail-score" />
              <span className="muted small">scored <RelativeTime value={data.at} /></span>
              {href ? <Link href={href} data-testid="reputation-subject-link">Open {data.subjectType === 'ip' ? 'asset' : 'server'}</Link> : null}
            </header>
            <FactorTable detail={data} />
            <section className="panel" aria-labelledby="reputation-history-heading">
              <h2 id="reputation-history-heading">Score history (90 days)</h2>
              <ReputationHistoryChart history={data.history} />
            </section>
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
