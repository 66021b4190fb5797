'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AlertChannel } from '../../_hooks/api-types.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { useAlertChannelsQuery } from '../../_hooks/queries/useAlertChannelsQuery.ts';
import { useCreateAlertChannelMutation } from '../../_hooks/queries/useCreateAlertChannelMutation.ts';
import { useDeleteAlertChannelMutation } from '../../_hooks/queries/useDeleteAlertChannelMutation.ts';
import { useNotificationsQuery } from '../../_hooks/queries/useNotificationsQuery.ts';
import { useTestAlertChannelMutation } from '../../_hooks/queries/useTestAlertChannelMutation.ts';
import { useUpdateAlertChannelMutation } from '../../_hooks/queries/useUpdateAlertChannelMutation.ts';
import { Badge } from '../../_components/Badge.tsx';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';

const STATUS_TONE = { sent: 'green', failed: 'red', pending: 'amber', queued_digest: 'gray' } as const;

function AddChannelForm() {
  const create = useCreateAlertChannelMutation();
  const [kind, setKind] = useState<'email' | 'webhook'>('email');
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const [delivery, setDelivery] = useState<AlertChannel['delivery']>('immediate');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const to = target.split(/[,\s]+/).filter(Boolean);
    create.mutate(kind === 'email' ? { kind, name, to, delivery } : { kind, name, url: target.trim(), delivery }, { onSuccess: () => (setName(''), setTarget('')) });
  };
  return (
    <form className="panel" onSubmit={onSubmit} data-testid="channel-form">
      <div className="form-row">
        <select value={kind} onChange={(e) => setKind(e.target.value as 'email' | 'webhook')} data-testid="channel-kind" aria-label="Channel kind">
          <option value="email">Email</option>
          <option value="webhook">Webhook (Slack-compatible)</option>
        </select>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" required data-testid="channel-name" aria-label="Channel name" />
        <input
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder={kind === 'email' ? 'ops@example.com, … (empty: alert recipients)' : 'https://hooks.slack.com/services/…'}
          required={kind === 'webhook'}
          data-testid="channel-target"
          aria-label={kind === 'email' ? 'Email addresses' : 'Webhook URL'}
        />
        <select value={delivery} onChange={(e) => setDelivery(e.target.value as AlertChannel['delivery'])} data-testid="channel-delivery" aria-label="Delivery">
          <option value="immediate">Immediate</option>
          <option value="hourly_digest">Hourly digest</option>
        </select>
        <button type="submit" disabled={create.isPending} data-testid="channel-add">Add channel</button>
      </div>
      {create.isError ? <div className="alert error" role="alert">{errorMessage(create.error)}</div> : null}
      {create.data?.secret ? (
        <div className="alert" role="status" data-testid="channel-secret">
          Signing secret (shown once; verify <span className="mono">X-Inboxwatch-Signature</span> with it): <span className="mono">{create.data.secret}</span>
        </div>
      ) : null}
    </form>
  );
}

function ChannelRow({ channel }: { channel: AlertChannel }) {
  const update = useUpdateAlertChannelMutation();
  const remove = useDeleteAlertChannelMutation();
  const test = useTestAlertChannelMutation();
  return (
    <tr data-testid="channel-row" data-channel-id={channel.id} data-kind={channel.kind}>
      <td>
        <input type="checkbox" checked={channel.enabled} onChange={(e) => update.mutate({ id: channel.id, enabled: e.target.checked })} aria-label={`Enable ${channel.name}`} />
      </td>
      <td>{channel.name}</td>
      <td>{channel.kind === 'email' ? (channel.to?.length ? channel.to.join(', ') : 'alert recipients (Settings)') : <span className="mono">{channel.url}</span>}</td>
      <td>
        <select value={channel.delivery} onChange={(e) => update.mutate({ id: channel.id, delivery: e.target.value as AlertChannel['delivery'] })} aria-label={`Delivery of ${channel.name}`}>
          <option value="immediate">Immediate</option>
          <option value="hourly_digest">Hourly digest</option>
        </select>
      </td>
      <td>
        <button type="button" onClick={() => test.mutate(channel.id)} disabled={test.isPending} data-testid="channel-test">Send test</button>{' '}
        <button type="button" className="danger" onClick={() => remove.mutate(channel.id)} disabled={remove.isPending} aria-label={`Delete ${channel.name}`}>Delete</button>
        {test.data ? (
          <span data-testid="channel-test-result" data-status={test.data.status}>
            {' '}{test.data.status === 'sent' ? 'sent' : `failed: ${test.data.lastError}`}
          </span>
        ) : null}
        {test.isError || update.isError || remove.isError ? <span className="field-error" role="alert">{errorMessage(test.error ?? update.error ?? remove.error)}</span> : null}
      </td>
    </tr>
  );
}

function DeliveryLog() {
  const { data, isLoading, error } = useNotificationsQuery();
  return (
    <LoadingPanel isLoading={isLoading} error={error} isEmpty={(data ?? []).length === 0} emptyMessage="Nothing delivered yet.">
      <div className="table-wrap">
        <table data-testid="delivery-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Channel</th>
              <th scope="col">Kind</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((n) => (
              <tr key={n.id} data-testid="delivery-row" data-status={n.status}>
                <td><RelativeTime value={n.sentAt ?? n.createdAt} /></td>
                <td>{n.channelName}</td>
                <td>{n.kind}</td>
                <td>{n.title}</td>
                <td>
                  <Badge tone={STATUS_TONE[n.status]}>{n.status}</Badge>
                  {n.nextAttemptAt && n.status !== 'sent' ? <span className="muted small"> next <RelativeTime value={n.nextAttemptAt} /></span> : null}
                </td>
                <td className="num">{n.attempts}</td>
                <td className="txt">{n.lastError ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </LoadingPanel>
  );
}

/** Channels: add (email or webhook), delivery mode, send test, delete; and the delivery log. */
export function ChannelsPanel() {
  const { data, isLoading, error } = useAlertChannelsQuery();
  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">Channels</h2>
      <AddChannelForm />
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={(data ?? []).length === 0} emptyMessage="No channel: set ALERT_SMTP_URL for email, or add one here.">
        <div className="table-wrap">
          <table data-testid="channels-table">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">Name</th>
                <th scope="col">Sends to</th>
                <th scope="col">Delivery</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {(data ?? []).map((c) => <ChannelRow key={c.id} channel={c} />)}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
      <h3>Delivery log</h3>
      <DeliveryLog />
    </section>
  );
}
