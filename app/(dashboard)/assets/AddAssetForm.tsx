'use client';

import { useState, type FormEvent } from 'react';
import { useCreateAssetMutation } from '../../_hooks/queries/useCreateAssetMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';

/** One input for an IP, IPv6, IPv4 CIDR range (up to /16) or domain, plus an optional label. */
export function AddAssetForm() {
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const create = useCreateAssetMutation();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed) return;
    create.mutate(
      { value: trimmed, label: label.trim() || undefined },
      {
        onSuccess: () => {
          setValue('');
          setLabel('');
        },
      },
    );
  };

  const hasError = create.isError;
  return (
    <form className="panel" onSubmit={onSubmit} data-testid="asset-form" aria-labelledby="add-asset-heading">
      <h2 id="add-asset-heading">Add an asset</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor="asset-value">IP, IPv6, CIDR range or domain</label>
          <input
            id="asset-value"
            name="value"
            size={34}
            placeholder="192.0.2.1, 2001:db8::25, 198.51.100.0/24, example.com"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              if (create.isError) create.reset();
            }}
            aria-invalid={hasError}
            aria-describedby={hasError ? 'asset-value-error' : 'asset-value-hint'}
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="asset-value-input"
          />
          {hasError ? (
            <div id="asset-value-error" className="field-error" role="alert" data-testid="asset-form-error" data-code={create.error.code}>
              {errorMessage(create.error)}
            </div>
          ) : (
            <div id="asset-value-hint" className="field-hint">IPv4 ranges up to /16 (65,536 addresses).</div>
          )}
        </div>
        <div className="field">
          <label htmlFor="asset-label">Label (optional)</label>
          <input
            id="asset-label"
            name="label"
            size={22}
            placeholder="mail-out-1"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            data-testid="asset-label-input"
          />
        </div>
        <div className="field">
          <label aria-hidden="true">&nbsp;</label>
          <button type="submit" className="primary" disabled={create.isPending || !value.trim()} data-testid="asset-submit">
            {create.isPending ? 'Adding…' : 'Add'}
          </button>
        </div>
      </div>
      {create.isSuccess ? (
        <div className="field-hint" role="status" data-testid="asset-form-added">
          Added <span className="mono">{create.data.value}</span>; it is checked in the next sweep (or open it and press “Check now”).
        </div>
      ) : null}
      {create.isSuccess && create.data.warnings.length > 0 ? (
        <div className="alert warn" role="alert" data-testid="asset-form-warnings">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {create.data.warnings.map((w) => <li key={w} data-testid="asset-form-warning">{w}</li>)}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
