'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { usePlacementStatsQuery } from '../../../_hooks/queries/usePlacementStatsQuery.ts';
import { usePlacementTestsQuery } from '../../../_hooks/queries/usePlacementTestsQuery.ts';
import { useSmtpServerQuery } from '../../../_hooks/queries/useSmtpServerQuery.ts';
import type { SmtpServer } from '../../../_hooks/api-types.ts';
import { InboxRateChart } from '../../../_components/charts/InboxRateChart.tsx';
import { LoadingPanel } from '../../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../../_components/RelativeTime.tsx';
import { SECURITY_WORDS } from '../../../_components/placement-words.ts';
import { ReputationLink } from '../../../_components/ReputationLink.tsx';
import { PlacementTestsTable } from '../../placement/PlacementTestsTable.tsx';
import { ServerActions } from '../ServerActions.tsx';
import { ServerForm } from '../ServerForm.tsx';
import { LastConnectionTest, ServerState } from '../ServerStatus.tsx';

function Settings({ server }: { server: SmtpServer }) {
  return (
    <section className="panel" aria-labelledby="server-settings-heading">
      <h2 id="server-settings-heading">Settings</h2>
      <dl className="facts" data-testid="server-settings">
        <dt>Host</dt>
        <dd className="mono">{server.host}:{server.port}</dd>
        <dt>Security</dt>
        <dd>{SECURITY_WORDS[server.security] ?? server.security}{server.trustSelfSigned ? ' · self-signed certificate trusted' : ''}</dd>
        <dt>Auth user</dt>
        <dd>{server.authUser ? <><span className="mono">{server.authUser}</span> <span className="muted small">({server.hasPassword ? 'password set' : 'no password'})</span></> : <span className="muted">none</span>}</dd>
        <dt>From</dt>
        <dd className="mono">{server.fromAddress}</dd>
        <dt>HELO name</dt>
        <dd className="mono">{server.heloName ?? <span className="muted">default</span>}</dd>
        <dt>Schedule</dt>
        <dd><code>{server.scheduleCron}</code> · next <RelativeTime value={server.enabled ? server.nextRunAt : null} fallback="—" /></dd>
        <dt>State</dt>
        <dd><ServerState server={server} /></dd>
        <dt>Last connection test</dt>
        <dd><LastConnectionTest server={server} /></dd>
      </dl>
    </section>
  );
}

function InboxRate({ serverId }: { serverId: string }) {
  const { data, isLoading, error } = usePlacementStatsQuery({ serverId, days: 30 });
  return (
    <section className="panel" aria-labelledby="server-inbox-rate-heading">
      <h2 id="server-inbox-rate-heading">Inbox rate per provider (30 days)</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No completed placement test yet.">
        {data ? <InboxRateChart points={data} testId="server-inbox-rate-chart" /> : null}
      </LoadingPanel>
    </section>
  );
}

function RecentTests({ serverId }: { serverId: string }) {
  const { data, isLoading, error } = usePlacementTestsQuery({ serverId });
  return (
    <section aria-labelledby="server-tests-heading">
      <h2 id="server-tests-heading">Recent placement tests</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No placement test through this server yet.">
        {data ? <PlacementTestsTable tests={data.slice(0, 20)} showServer={false} /> : null}
      </LoadingPanel>
    </section>
  );
}

/** Server detail `/servers/[id]`: settings, actions, edit form, recent tests and inbox rate per provider. */
export function ServerDetailPage({ id }: { id: string }) {
  const router = useRouter();
  const { data: server, isLoading, error } = useSmtpServerQuery(id);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <div className="small" style={{ marginBottom: 6 }}><Link href="/servers">← SMTP servers</Link></div>
      <LoadingPanel isLoading={isLoading} error={error}>
        {server ? (
          <>
            <header className="page-head" data-testid="server-header" data-server-id={server.id}>
              <h1 data-testid="server-title">{server.name}</h1>
              <ServerState server={server} />
              <ReputationLink subjectType="server" subjectId={server.id} />
            </header>
            <ServerActions server={server} onEdit={() => setEditing(true)} onDeleted={() => router.push('/servers')} />
            {editing ? <ServerForm server={server} onDone={() => setEditing(false)} /> : null}
            <div className="grid-2">
              <Settings server={server} />
              <InboxRate serverId={server.id} />
            </div>
            <RecentTests serverId={server.id} />
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
