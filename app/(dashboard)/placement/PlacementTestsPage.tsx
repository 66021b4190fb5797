'use client';

import Link from 'next/link';
import { useState } from 'react';
import { usePlacementTestsQuery } from '../../_hooks/queries/usePlacementTestsQuery.ts';
import { useSmtpServersQuery } from '../../_hooks/queries/useSmtpServersQuery.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { PlacementTestsTable } from './PlacementTestsTable.tsx';

/** Placement tests `/placement`: every test, newest first, filtered by server. */
export function PlacementTestsPage() {
  const [serverId, setServerId] = useState<string>('');
  const servers = useSmtpServersQuery();
  const { data, isLoading, error } = usePlacementTestsQuery({ serverId: serverId || undefined });
  return (
    <>
      <h1>Placement tests</h1>
      <div className="filters">
        <label htmlFor="placement-server-filter" className="inline">Server</label>
        <select id="placement-server-filter" value={serverId} onChange={(e) => setServerId(e.target.value)} data-testid="placement-server-filter">
          <option value="">All servers</option>
          {servers.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={data?.length === 0}
        emptyMessage={<>No placement test yet: open a server on the <Link href="/servers">Servers</Link> page and press “Run placement test now”.</>}
      >
        {data ? <PlacementTestsTable tests={data} /> : null}
      </LoadingPanel>
    </>
  );
}
