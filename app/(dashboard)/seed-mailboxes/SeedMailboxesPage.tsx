'use client';

import { Fragment, useState } from 'react';
import type { SeedMailbox } from '../../_hooks/api-types.ts';
import { useDeleteSeedMailboxMutation } from '../../_hooks/queries/useDeleteSeedMailboxMutation.ts';
import { useSeedMailboxesQuery } from '../../_hooks/queries/useSeedMailboxesQuery.ts';
import { useTestSeedMailboxMutation } from '../../_hooks/queries/useTestSeedMailboxMutation.ts';
import { useUpdateSeedMailboxMutation } from '../../_hooks/queries/useUpdateSeedMailboxMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { Badge } from '../../_components/Badge.tsx';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';
import { IMAP_ERROR_WORDS, PROVIDER_WORDS, SECURITY_WORDS } from '../../_components/placement-words.ts';
import { ImapConnectionResult } from './ImapConnectionResult.tsx';
import { SeedMailboxForm } from './SeedMailboxForm.tsx';

const COLUMNS = 5;

function LastTest({ mailbox }: { mailbox: SeedMailbox }) {
  const last = mailbox.lastTest;
  if (!last) return <span className="muted" data-testid="mailbox-last-test" data-ok="">never tested</span>;
  const failed = !last.ok || last.error;
  return (
    <div data-testid="mailbox-last-test" data-ok={!failed}>
      {failed ? <Badge tone="red">{IMAP_ERROR_WORDS[last.error?.kind ?? 'protocol'] ?? 'failed'}</Badge> : <Badge tone="green">ok</Badge>}{' '}
      <RelativeTime value={mailbox.lastTestAt} />
      {!failed ? <div className="muted small">spam: {last.spam ? <code>{last.spam.path}</code> : 'not found'}</div> : null}
    </div>
  );
}

function MailboxActions({ mailbox, onEdit }: { mailbox: SeedMailbox; onEdit: () => void }) {
  const test = useTestSeedMailboxMutation(mailbox.id);
  const update = useUpdateSeedMailboxMutation();
  const remove = useDeleteSeedMailboxMutation();
  const onRemove = () => {
    if (window.confirm(`Delete the seed mailbox ${mailbox.address}? Past results keep its address.`)) remove.mutate(mailbox.id);
  };
  const failure = test.error ?? update.error ?? remove.error;
  return (
    <div>
      <div className="actions">
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending} aria-busy={test.isPending} data-testid="mailbox-test-connection" aria-label={`Test connection to ${mailbox.address}`}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" onClick={onEdit} data-testid="mailbox-edit" aria-label={`Edit ${mailbox.address}`}>Edit</button>
        <button type="button" onClick={() => update.mutate({ id: mailbox.id, enabled: !mailbox.enabled })} disabled={update.isPending} data-testid="mailbox-toggle" aria-label={`${mailbox.enabled ? 'Disable' : 'Enable'} ${mailbox.address}`}>
          {mailbox.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="danger" onClick={onRemove} disabled={remove.isPending} data-testid="mailbox-delete" aria-label={`Delete ${mailbox.address}`}>
          {remove.isPending ? 'Deleting…' : 'Delete'}
        </button>
      </div>
      {failure ? <div className="field-error" role="alert">{errorMessage(failure)}</div> : null}
      {test.data ? <ImapConnectionResult result={test.data} /> : null}
    </div>
  );
}

function MailboxRow({ mailbox, editing, onEdit }: { mailbox: SeedMailbox; editing: boolean; onEdit: (id: string | null) => void }) {
  return (
    <Fragment>
      <tr className={mailbox.enabled ? undefined : 'paused'} data-testid="mailbox-row" data-mailbox-id={mailbox.id} data-address={mailbox.address} data-provider={mailbox.provider}>
        <td>{PROVIDER_WORDS[mailbox.provider] ?? mailbox.provider}</td>
        <td>
          <span className="mono">{mailbox.address}</span>
          {mailbox.imapUser !== mailbox.address ? <div className="muted small">user <span className="mono">{mailbox.imapUser}</span></div> : null}
          <div className="muted small">{mailbox.authMethod === 'xoauth2' ? 'OAuth2 token' : 'password'} {mailbox.hasSecret ? 'set' : 'missing'}</div>
        </td>
        <td>
          <span className="mono">{mailbox.imapHost}:{mailbox.imapPort}</span>
          <div className="muted small">
            {SECURITY_WORDS[mailbox.imapSecurity] ?? mailbox.imapSecurity}
            {mailbox.trustSelfSigned ? ' · self-signed trusted' : ''}
            {mailbox.spamFolder ? <> · spam folder <code>{mailbox.spamFolder}</code></> : null}
          </div>
        </td>
        <td data-testid="mailbox-state" data-enabled={mailbox.enabled}>{mailbox.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="gray">disabled</Badge>}</td>
        <td><LastTest mailbox={mailbox} /></td>
      </tr>
      <tr className="subrow" data-testid="mailbox-actions-row" data-mailbox-id={mailbox.id}>
        <td colSpan={COLUMNS}>
          {editing ? <SeedMailboxForm mailbox={mailbox} onDone={() => onEdit(null)} /> : <MailboxActions mailbox={mailbox} onEdit={() => onEdit(mailbox.id)} />}
        </td>
      </tr>
    </Fragment>
  );
}

/** Seed mailboxes `/seed-mailboxes`: the mailboxes placement tests send to and read back over IMAP. */
export function SeedMailboxesPage() {
  const { data, isLoading, error } = useSeedMailboxesQuery();
  const [editingId, setEditingId] = useState<string | null>(null);
  return (
    <>
      <h1>Seed mailboxes</h1>
      <SeedMailboxForm />
      <h2>Mailboxes{data ? ` (${data.length})` : ''}</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No seed mailbox yet: add one per provider you send to above.">
        <div className="table-wrap">
          <table data-testid="mailboxes-table">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Address</th>
                <th scope="col">IMAP</th>
                <th scope="col">State</th>
                <th scope="col">Last connection test</th>
              </tr>
            </thead>
            <tbody>
              {data?.map((mailbox) => <MailboxRow key={mailbox.id} mailbox={mailbox} editing={editingId === mailbox.id} onEdit={setEditingId} />)}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </>
  );
}
