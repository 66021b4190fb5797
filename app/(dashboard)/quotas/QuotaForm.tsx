'use client';

import { useState } from 'react';
import type { QuotaState, QuotaWindow } from '../../_hooks/api-types.ts';
import { useCreateQuotaMutation } from '../../_hooks/queries/useCreateQuotaMutation.ts';
import { useSmtpServersQuery } from '../../_hooks/queries/useSmtpServersQuery.ts';
import { useUpdateQuotaMutation } from '../../_hooks/queries/useUpdateQuotaMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { WINDOW_WORDS } from './quota-words.ts';

const WINDOWS = Object.keys(WINDOW_WORDS) as QuotaWindow[];

/** "80, 90, 100" → [80, 90, 100]; the API checks range, order and duplicates. */
function parseThresholds(text: string): number[] | undefined {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.length ? parts.map(Number) : undefined;
}

/** Add a quota (no `quota`) or edit one's limit and thresholds. The API's message is shown on 400/409. */
export function QuotaForm({ quota, onDone }: { quota?: QuotaState; onDone?: () => void }) {
  const servers = useSmtpServersQuery();
  const create = useCreateQuotaMutation();
  const update = useUpdateQuotaMutation();
  const [serverId, setServerId] = useState('');
  const [window, setWindow] = useState<QuotaWindow>('day');
  const [limit, setLimit] = useState(quota && quota.limit !== null ? String(quota.limit) : '');
  const [thresholds, setThresholds] = useState(quota ? quota.thresholds.join(', ') : '80, 90, 100');
  const mutation = quota ? update : create;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = { limit: Number(limit), thresholds: parseThresholds(thresholds) };
    if (quota) update.mutate({ id: quota.quotaId, patch: body }, { onSuccess: () => onDone?.() });
    else create.mutate({ serverId: serverId || servers.data?.[0]?.id || '', window, ...body }, { onSuccess: () => { setLimit(''); onDone?.(); } });
  };

  return (
    <form onSubmit={submit} className="form-row" data-testid={quota ? 'quota-edit-form' : 'quota-create-form'}>
      {quota ? null : (
        <>
          <label>
            Server
            <select value={serverId || servers.data?.[0]?.id || ''} onChange={(e) => setServerId(e.target.value)} data-testid="quota-server">
              {servers.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label>
            Window
            <select value={window} onChange={(e) => setWindow(e.target.value as QuotaWindow)} data-testid="quota-window">
              {WINDOWS.map((w) => <option key={w} value={w}>{WINDOW_WORDS[w]}</option>)}
            </select>
          </label>
        </>
      )}
      <label>
        {quota?.window === 'credits' || (!quota && window === 'credits') ? 'Balance (messages)' : 'Limit (messages)'}
        <input type="number" min={0} step={1} required value={limit} onChange={(e) => setLimit(e.target.value)} data-testid="quota-limit" />
      </label>
      <label>
        Warn at (%)
        <input value={thresholds} onChange={(e) => setThresholds(e.target.value)} data-testid="quota-thresholds" />
      </label>
      <button type="submit" disabled={mutation.isPending || (!quota && !servers.data?.length)} data-testid="quota-save">
        {quota ? 'Save' : 'Add quota'}
      </button>
      {quota ? <button type="button" onClick={onDone}>Cancel</button> : null}
      {mutation.error ? <div className="alert error" role="alert" data-testid="quota-form-error">{errorMessage(mutation.error)}</div> : null}
      {quota?.window === 'credits' ? <div className="muted small">A new balance counts from now.</div> : null}
    </form>
  );
}
