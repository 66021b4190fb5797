'use client';

import Link from 'next/link';
import { usePlacementTestQuery } from '../../../_hooks/queries/usePlacementTestQuery.ts';
import { LoadingPanel } from '../../../_components/LoadingPanel.tsx';
import { PlacementCountsBar } from '../../../_components/PlacementCountsBar.tsx';
import { RelativeTime } from '../../../_components/RelativeTime.tsx';
import { PlacementStatusBadge } from '../PlacementTestsTable.tsx';
import { ResultRow } from './ResultRow.tsx';

const STATUS_HINT = {
  sending: 'Sending one message per seed mailbox…',
  collecting: 'Looking for the messages in the seed mailboxes; seeds not found by the deadline become “missing”.',
  complete: '',
} as const;

/** Placement test detail `/placement/[id]`: status (refreshed every 3 s until complete) and one row per seed. */
export function PlacementTestPage({ id }: { id: string }) {
  const { data: test, isLoading, error } = usePlacementTestQuery(id);
  return (
    <>
      <div className="small" style={{ marginBottom: 6 }}><Link href="/placement">← Placement tests</Link></div>
      <LoadingPanel isLoading={isLoading} error={error}>
        {test ? (
          <>
            <header className="page-head" data-testid="placement-header" data-test-id={test.id} data-status={test.status}>
              <div>
                <h1>Placement test · <Link href={`/servers/${test.serverId}`} data-testid="placement-server">{test.serverName}</Link></h1>
                <div className="muted small">
                  {test.trigger === 'schedule' ? 'scheduled' : 'on demand'} · started <RelativeTime value={test.createdAt} />
                  {test.completedAt ? <> · complete <RelativeTime value={test.completedAt} /></> : null}
                  {!test.completedAt && test.deadlineAt ? <> · deadline <RelativeTime value={test.deadlineAt} /></> : null}
                  {' · token '}<code data-testid="placement-token">{test.token}</code>
                </div>
              </div>
              <PlacementStatusBadge status={test.status} />
            </header>
            {test.status === 'complete' ? null : <div className="alert warn" role="status" data-testid="placement-progress">{STATUS_HINT[test.status]}</div>}
            <PlacementCountsBar counts={test.counts} />
            <h2>Seeds ({test.results.length})</h2>
            <LoadingPanel isLoading={false} isEmpty={test.results.length === 0} emptyMessage="No enabled seed mailbox: add some on the Seed mailboxes page.">
              <div className="table-wrap">
                <table data-testid="placement-results">
                  <thead>
                    <tr>
                      <th scope="col">Seed mailbox</th>
                      <th scope="col">SMTP outcome</th>
                      <th scope="col">Folder</th>
                      <th scope="col">Placement</th>
                      <th scope="col" className="num">Latency</th>
                      <th scope="col">SPF / DKIM / DMARC</th>
                      <th scope="col">Egress IP</th>
                    </tr>
                  </thead>
                  <tbody>
                    {test.results.map((result) => <ResultRow key={result.mailbox} placementTestId={test.id} result={result} />)}
                  </tbody>
                </table>
              </div>
            </LoadingPanel>
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
