'use client';

import Link from 'next/link';
import type { PlacementStatus, PlacementTestSummary } from '../../_hooks/api-types.ts';
import { Badge } from '../../_components/Badge.tsx';
import { PlacementCountsBar } from '../../_components/PlacementCountsBar.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';

/** A test's status: sending and collecting are in progress (blue), complete is done. */
export function PlacementStatusBadge({ status }: { status: PlacementStatus }) {
  return (
    <Badge tone={status === 'complete' ? 'green' : 'blue'} testId="placement-status" data={{ 'data-status': status }}>
      {status === 'complete' ? 'complete' : (<><span className="spinner" aria-hidden="true" /> {status}</>)}
    </Badge>
  );
}

/** Placement tests, newest first: time (links to the test), server, trigger, status and counts per placement. */
export function PlacementTestsTable({ tests, showServer = true }: { tests: PlacementTestSummary[]; showServer?: boolean }) {
  return (
    <div className="table-wrap">
      <table data-testid="placement-tests-table">
        <thead>
          <tr>
            <th scope="col">Started</th>
            {showServer ? <th scope="col">Server</th> : null}
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Inbox / tab / spam / missing / error</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t) => (
            <tr key={t.id} data-testid="placement-test-row" data-test-id={t.id} data-status={t.status} data-server-id={t.serverId}>
              <td>
                <Link href={`/placement/${t.id}`} data-testid="placement-test-link" aria-label={`Placement test of ${t.serverName}, started ${new Date(t.createdAt).toLocaleString()}`}>
                  <RelativeTime value={t.createdAt} />
                </Link>
              </td>
              {showServer ? <td><Link href={`/servers/${t.serverId}`}>{t.serverName}</Link></td> : null}
              <td>{t.trigger === 'schedule' ? 'scheduled' : 'on demand'}</td>
              <td><PlacementStatusBadge status={t.status} /></td>
              <td><PlacementCountsBar counts={t.counts} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
