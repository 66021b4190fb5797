'use client';

import { useEffect, useState } from 'react';
import type { Zone } from '../../_hooks/api-types.ts';
import { useUpdateZoneMutation } from '../../_hooks/queries/useUpdateZoneMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { Badge } from '../../_components/Badge.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';

const HEALTH_TONE = { healthy: 'green', unhealthy: 'red', unknown: 'gray' } as const;

const STATUS_WORDS: Record<Zone['status'], string> = {
  active: 'active',
  keyed: 'needs an account key',
  registration: 'registered resolvers only',
  retired: 'retired',
  wildcard: 'wildcard',
};

/** True for zones that are never queried (shut down, or answering "listed" for everything). */
export function isOutOfService(zone: Zone): boolean {
  return zone.status === 'retired' || zone.status === 'wildcard';
}

function WeightInput({ zone, onChanged }: { zone: Zone; onChanged: (zone: string) => void }) {
  const update = useUpdateZoneMutation();
  const [draft, setDraft] = useState(String(zone.weight));
  useEffect(() => setDraft(String(zone.weight)), [zone.weight]);
  const parsed = Number(draft);
  const isValid = draft.trim() !== '' && Number.isFinite(parsed) && parsed >= 0 && parsed <= 10;
  const commit = () => {
    if (!isValid || parsed === zone.weight) return;
    onChanged(zone.zone);
    update.mutate({ zone: zone.zone, weight: parsed });
  };
  return (
    <>
      <input
        className="weight"
        type="number"
        min={0}
        max={10}
        step={0.5}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        disabled={isOutOfService(zone)}
        aria-invalid={!isValid}
        aria-label={`Weight of ${zone.zone} (0–10)`}
        data-testid="zone-weight-input"
      />
      {!isValid ? <div className="field-error">0–10</div> : null}
      {update.isError ? <div className="field-error" role="alert">{errorMessage(update.error)}</div> : null}
    </>
  );
}

/** The account key of a keyed zone (Spamhaus DQS, Abusix): write-only; the API only says whether one is set. */
function KeyInput({ zone, onChanged }: { zone: Zone; onChanged: (zone: string) => void }) {
  const update = useUpdateZoneMutation();
  const [draft, setDraft] = useState('');
  const save = () => {
    if (!draft.trim()) return;
    onChanged(zone.zone);
    update.mutate({ zone: zone.zone, key: draft.trim() }, { onSuccess: () => setDraft('') });
  };
  return (
    <div className="small" style={{ marginTop: 4 }} data-testid="zone-key">
      {zone.hasKey ? <Badge tone="green" testId="zone-key-set">key set</Badge> : <span className="muted">no key yet</span>}
      <div style={{ display: 'flex', gap: 4, marginTop: 4 }}>
        <input
          type="password"
          autoComplete="off"
          size={16}
          placeholder={zone.hasKey ? 'replace key' : 'account key'}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
          aria-label={`Account key for ${zone.zone}`}
          data-testid="zone-key-input"
        />
        <button type="button" onClick={save} disabled={update.isPending || !draft.trim()} data-testid="zone-key-save">Save key</button>
      </div>
      {update.isError ? <div className="field-error" role="alert">{errorMessage(update.error)}</div> : null}
    </div>
  );
}

/** One zone: identity, status, health, enable toggle, weight and budget. `onChanged` hears every change. */
export function ZoneRow({ zone, onChanged }: { zone: Zone; onChanged: (zone: string) => void }) {
  const update = useUpdateZoneMutation();
  const outOfService = isOutOfService(zone);
  return (
    <tr data-testid="zone-row" data-zone={zone.zone} data-enabled={zone.enabled} data-health={zone.health} data-status={zone.status}>
      <td>
        <div>{zone.name}</div>
        <code className="muted small">{zone.zone}</code>
      </td>
      <td>{zone.operator}</td>
      <td>{zone.keyTypes.join(', ')}</td>
      <td>{zone.polarity === 'allow' ? <Badge tone="blue">allow-list</Badge> : 'block'}</td>
      <td>
        {outOfService ? (
          <Badge tone="gray" title={zone.status === 'wildcard' ? 'Answers “listed” for every query; never queried.' : 'Shut down; never queried.'}>
            {zone.status}{zone.statusSince ? ` since ${new Date(zone.statusSince).toLocaleDateString()}` : ''}
          </Badge>
        ) : (
          <span data-testid="zone-status">{STATUS_WORDS[zone.status]}</span>
        )}
        {zone.status === 'keyed' ? <KeyInput zone={zone} onChanged={onChanged} /> : null}
      </td>
      <td>
        <Badge tone={HEALTH_TONE[zone.health]} testId="zone-health" data={{ 'data-health': zone.health }} title={zone.healthReason}>
          {zone.health}
        </Badge>
        {zone.healthReason ? <div className="small" data-testid="zone-health-reason">{zone.healthReason}</div> : null}
        {zone.healthCheckedAt ? <div className="muted small">checked <RelativeTime value={zone.healthCheckedAt} /></div> : null}
      </td>
      <td>
        <label className="inline">
          <input
            type="checkbox"
            checked={zone.enabled && !outOfService}
            disabled={outOfService || update.isPending}
            onChange={(e) => {
              onChanged(zone.zone);
              update.mutate({ zone: zone.zone, enabled: e.target.checked });
            }}
            data-testid="zone-enabled-toggle"
            aria-label={`Query ${zone.zone}`}
          />
          {zone.enabled && !outOfService ? 'on' : 'off'}
        </label>
        {update.isError ? <div className="field-error" role="alert">{errorMessage(update.error)}</div> : null}
      </td>
      <td><WeightInput zone={zone} onChanged={onChanged} /></td>
      <td className="num" data-testid="zone-budget">
        {zone.budgetUsed.toLocaleString()}
        <span className="muted"> / {zone.dailyBudget === null ? '∞' : zone.dailyBudget.toLocaleString()}</span>
      </td>
    </tr>
  );
}
