'use client';

import { useState } from 'react';
import { QuotaHistoryChart } from '../../_components/charts/QuotaHistoryChart.tsx';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import type { QuotaState } from '../../_hooks/api-types.ts';
import { useDeleteQuotaMutation } from '../../_hooks/queries/useDeleteQuotaMutation.ts';
import { useQuotaHistoryQuery } from '../../_hooks/queries/useQuotaHistoryQuery.ts';
import { useQuotasQuery } from '../../_hooks/queries/useQuotasQuery.ts';
import { useUpdateQuotaMutation } from '../../_hooks/queries/useUpdateQuotaMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { ApiTokensPanel } from './ApiTokensPanel.tsx';
import { QuotaForm } from './QuotaForm.tsx';
import { QuotaUnknownLimit } from './QuotaUnknownLimit.tsx';
import { QuotaUsageBar } from './QuotaUsageBar.tsx';
import { hasKnownLimit, projectionWords, resetWords, WINDOW_WORDS } from './quota-words.ts';

function QuotaHistory({ quota }: { quota: QuotaState }) {
  const history = useQuotaHistoryQuery(quota.quotaId);
  return (
    <LoadingPanel isLoading={history.isLoading} error={history.error}>
      {history.data ? <QuotaHistoryChart history={history.data} limitLine={quota.window === 'hour' && quota.limit !== null ? quota.limit : undefined} /> : null}
    </LoadingPanel>
  );
}

function QuotaCard({ quota }: { quota: QuotaState }) {
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const remove = useDeleteQuotaMutation();
  const update = useUpdateQuotaMutation();
  const nowMs = Date.now();
  const marked = quota.exhaustedUntil !== null && new Date(quota.exhaustedUntil).getTime() > nowMs;
  return (
    <div className="card" data-testid="quota-card" data-window={quota.window} data-server={quota.serverName} data-exhausted={quota.exhausted}>
      <div className="label">{WINDOW_WORDS[quota.window]}</div>
      {hasKnownLimit(quota) ? <QuotaUsageBar quota={quota} /> : <QuotaUnknownLimit quota={quota} nowMs={nowMs} />}
      {quota.exhausted ? (
        <div className="alert error small" role="status" data-testid="quota-exhausted">
          Exhausted: {quota.exhaustedReason}
          {marked ? ' (reported by the relay)' : ''}
        </div>
      ) : null}
      <div className="small" data-testid="quota-reset">{resetWords({ ...quota, nowMs })}</div>
      <div className="small muted" data-testid="quota-projection">{projectionWords({ ...quota, nowMs })}</div>
      {editing ? (
        <QuotaForm quota={quota} onDone={() => setEditing(false)} />
      ) : (
        <div className="form-row">
          <button type="button" onClick={() => setEditing(true)} data-testid="quota-edit">Edit</button>
          <button type="button" onClick={() => setShowHistory((v) => !v)} data-testid="quota-history-toggle">{showHistory ? 'Hide history' : 'History'}</button>
          {marked ? (
            <button type="button" disabled={update.isPending} onClick={() => update.mutate({ id: quota.quotaId, patch: { clearExhausted: true } })} data-testid="quota-clear-mark">
              Provider reset it: clear
            </button>
          ) : null}
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => {
              if (confirm(`Delete the ${WINDOW_WORDS[quota.window].toLowerCase()} quota of ${quota.serverName}?`)) remove.mutate(quota.quotaId);
            }}
            data-testid="quota-delete"
          >
            Delete
          </button>
        </div>
      )}
      {remove.error || update.error ? <div className="alert error" role="alert">{errorMessage(remove.error ?? update.error)}</div> : null}
      {showHistory ? <QuotaHistory quota={quota} /> : null}
    </div>
  );
}

/** Quotas `/quotas`: per server and window, usage against the limit, reset, projection and history; API tokens. */
export function QuotasPage() {
  const { data, isLoading, error } = useQuotasQuery();
  const servers = [...new Map((data ?? []).map((q) => [q.serverId, q.serverName])).entries()];
  return (
    <>
      <h1>Quotas</h1>
      <p className="muted" data-testid="quota-throttle-note">
        Placement tests never send past a quota: a server a quota blocks is paused with the reason until the window
        frees. A per-second or per-connection throttle (e.g. “454 Maximum sending rate exceeded”, “421 too many
        connections”) is not a quota: Inboxwatch backs off and it uses no quota here.
      </p>
      <QuotaForm />
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No quota yet: add your provider's limits above.">
        {servers.map(([serverId, name]) => (
          <section key={serverId} data-testid="quota-server-section" data-server={name}>
            <h2>{name}</h2>
            <div className="cards" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
              {data?.filter((q) => q.serverId === serverId).map((q) => <QuotaCard key={q.quotaId} quota={q} />)}
            </div>
          </section>
        ))}
      </LoadingPanel>
      <ApiTokensPanel />
    </>
  );
}
