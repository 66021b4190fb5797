'use client';

import Link from 'next/link';
import { Fragment, useState } from 'react';
import type { SmtpServer } from '../../_hooks/api-types.ts';
import { useSmtpServersQuery } from '../../_hooks/queries/useSmtpServersQuery.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';
import { SECURITY_WORDS } from '../../_components/placement-words.ts';
import { ServerActions } from './ServerActions.tsx';
import { ServerForm } from './ServerForm.tsx';
import { LastConnectionTest, ServerState } from './ServerStatus.tsx';

const COLUMNS = 8;

function ServerRow({ server, editing, onEdit }: { server: SmtpServer; editing: boolean; onEdit: (id: string | null) => void }) {
  return (
    <Fragment>
      <tr className={server.enabled ? undefined : 'paused'} data-testid="server-row" data-server-id={server.id} data-name={server.name}>
        <td>
          <Link href={`/servers/${server.id}`} data-testid="server-link">{server.name}</Link>
          {server.heloName ? <div className="muted small">HELO {server.heloName}</div> : null}
        </td>
        <td className="mono">{server.host}:{server.port}</td>
        <td>
          {SECURITY_WORDS[server.security] ?? server.security}
          {server.trustSelfSigned ? <div className="small" style={{ color: 'var(--amber)' }}>self-signed trusted</div> : null}
        </td>
        <td>
          {server.authUser ? <span className="mono">{server.authUser}</span> : <span className="muted">none</span>}
          {server.authUser ? <div className="muted small" data-testid="server-has-password">{server.hasPassword ? 'password set' : 'no password'}</div> : null}
        </td>
        <td className="mono">{server.fromAddress}</td>
        <td>
          <code>{server.scheduleCron}</code>
          <div className="muted small">next <RelativeTime value={server.enabled ? server.nextRunAt : null} fallback="—" /></div>
        </td>
        <td><ServerState server={server} /></td>
        <td><LastConnectionTest server={server} /></td>
      </tr>
      <tr className="subrow" data-testid="server-actions-row" data-server-id={server.id}>
        <td colSpan={COLUMNS}>
          {editing ? (
            <ServerForm server={server} onDone={() => onEdit(null)} />
          ) : (
            <ServerActions server={server} onEdit={() => onEdit(server.id)} />
          )}
        </td>
      </tr>
    </Fragment>
  );
}

/** Servers `/servers`: the outbound SMTP servers placement tests are sent through, and a form to add one. */
export function ServersPage() {
  const { data, isLoading, error } = useSmtpServersQuery();
  const [editingId, setEditingId] = useState<string | null>(null);
  return (
    <>
      <h1>SMTP servers</h1>
      <ServerForm />
      <h2>Servers{data ? ` (${data.length})` : ''}</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No SMTP server yet: add the server your mail goes out through above.">
        <div className="table-wrap">
          <table data-testid="servers-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Host</th>
                <th scope="col">Security</th>
                <th scope="col">Auth user</th>
                <th scope="col">From</th>
                <th scope="col">Schedule</th>
                <th scope="col">State</th>
                <th scope="col">Last connection test</th>
              </tr>
            </thead>
            <tbody>
              {data?.map((server) => (
                <ServerRow key={server.id} server={server} editing={editingId === server.id} onEdit={setEditingId} />
              ))}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </>
  );
}
