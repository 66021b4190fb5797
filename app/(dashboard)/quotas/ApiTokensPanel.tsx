'use client';

import { useState } from 'react';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';
import type { CreatedApiToken } from '../../_hooks/api-types.ts';
import { useApiTokensQuery } from '../../_hooks/queries/useApiTokensQuery.ts';
import { useCreateApiTokenMutation } from '../../_hooks/queries/useCreateApiTokenMutation.ts';
import { useDeleteApiTokenMutation } from '../../_hooks/queries/useDeleteApiTokenMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';

/** API tokens for POST /api/usage: create (the token is shown once), list by prefix, revoke. */
export function ApiTokensPanel() {
  const tokens = useApiTokensQuery();
  const create = useCreateApiTokenMutation();
  const remove = useDeleteApiTokenMutation();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <section data-testid="api-tokens">
      <h2>API tokens</h2>
      <p className="muted small">
        Report messages sent outside Inboxwatch with <code>POST /api/usage</code> and <code>Authorization: Bearer &lt;token&gt;</code> (see README, “Quotas and usage API”).
      </p>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name }, { onSuccess: (t) => { setCreated(t); setName(''); } });
        }}
      >
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required placeholder="billing export" data-testid="api-token-name" />
        </label>
        <button type="submit" disabled={create.isPending} data-testid="api-token-create">Create token</button>
      </form>
      {create.error ? <div className="alert error" role="alert">{errorMessage(create.error)}</div> : null}
      {created ? (
        <div className="alert warn" role="status" data-testid="api-token-created">
          Copy the token for “{created.name}” now; it is not shown again: <code data-testid="api-token-value">{created.token}</code>{' '}
          <button type="button" onClick={() => setCreated(null)}>Done</button>
        </div>
      ) : null}
      <LoadingPanel isLoading={tokens.isLoading} error={tokens.error} isEmpty={tokens.data?.length === 0} emptyMessage="No API token yet.">
        <div className="table-wrap">
          <table data-testid="api-tokens-table">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Token</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col" /></tr>
            </thead>
            <tbody>
              {tokens.data?.map((t) => (
                <tr key={t.id} data-testid="api-token-row" data-name={t.name}>
                  <td>{t.name}</td>
                  <td className="mono">{t.prefix}…</td>
                  <td><RelativeTime value={t.createdAt} /></td>
                  <td><RelativeTime value={t.lastUsedAt} fallback="never" /></td>
                  <td>
                    <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(t.id)} data-testid="api-token-revoke">Revoke</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </section>
  );
}
