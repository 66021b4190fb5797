'use client';

import { useState } from 'react';
import { formatDateTime } from '../../_components/format.ts';
import type { QuotaState } from '../../_hooks/api-types.ts';
import { useUpdateQuotaMutation } from '../../_hooks/queries/useUpdateQuotaMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { formatSpan } from './quota-words.ts';

/**
 * A quota whose limit is unknown (limit null: created from a relay's quota reply that named none): the sends
 * counted, the relay's mark and when it ends (the window frees then by itself), and a field to set the limit.
 * Carries data-marked for browser tests.
 */
export function QuotaUnknownLimit({ quota, nowMs }: { quota: QuotaState; nowMs: number }) {
  const update = useUpdateQuotaMutation();
  const [limit, setLimit] = useState('');
  const until = quota.exhaustedUntil;
  const marked = until !== null && new Date(until).getTime() > nowMs;
  const unit = quota.window === 'credits' ? 'credits used' : 'sent in this window';
  return (
    <div data-testid="quota-limit-unknown" data-marked={marked}>
      <div className="small">Limit unknown (set by the relay&apos;s reply)</div>
      <div className="small mono" data-testid="quota-numbers">{quota.used.toLocaleString()} {unit}</div>
      <div className="small" data-testid="quota-mark">
        {marked
          ? `Blocked by the relay's mark until ${formatDateTime(until)} (in ${formatSpan(new Date(until).getTime() - nowMs)}); it frees by itself then.`
          : 'Not blocked: the relay\'s mark has ended and, with no limit known, no count can block.'}
      </div>
      <form
        className="form-row"
        data-testid="quota-set-limit-form"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: quota.quotaId, patch: { limit: Number(limit) } });
        }}
      >
        <label>
          Set the limit (messages)
          <input type="number" min={0} step={1} required value={limit} onChange={(e) => setLimit(e.target.value)} data-testid="quota-set-limit" />
        </label>
        <button type="submit" disabled={update.isPending} data-testid="quota-set-limit-save">Set limit</button>
      </form>
      {update.error ? <div className="alert error" role="alert">{errorMessage(update.error)}</div> : null}
    </div>
  );
}
