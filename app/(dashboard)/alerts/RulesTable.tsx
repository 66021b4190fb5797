'use client';

import { useState } from 'react';
import type { AlertRule, AlertSeverity } from '../../_hooks/api-types.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { useAlertChannelsQuery } from '../../_hooks/queries/useAlertChannelsQuery.ts';
import { useAlertRulesQuery } from '../../_hooks/queries/useAlertRulesQuery.ts';
import { useUpdateAlertRuleMutation } from '../../_hooks/queries/useUpdateAlertRuleMutation.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';

/** A numeric or word parameter of a rule, saved on blur. */
function ParamField({ rule, name, value }: { rule: AlertRule; name: string; value: unknown }) {
  const update = useUpdateAlertRuleMutation();
  const [draft, setDraft] = useState(String(value));
  const save = () => {
    if (draft === String(value)) return;
    update.mutate({ id: rule.id, params: { [name]: typeof value === 'number' ? Number(draft) : draft } });
  };
  return (
    <label className="small" style={{ marginRight: 8 }}>
      {name}{' '}
      <input value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={save} size={6} data-testid={`rule-param-${name}`} aria-label={`${rule.name}: ${name}`} />
      {update.isError ? <span className="field-error">{errorMessage(update.error)}</span> : null}
    </label>
  );
}

function RuleRow({ rule, channels }: { rule: AlertRule; channels: { id: string; name: string }[] }) {
  const update = useUpdateAlertRuleMutation();
  const [cooldown, setCooldown] = useState(String(rule.cooldownMinutes));
  return (
    <tr data-testid="rule-row" data-rule-kind={rule.kind} data-enabled={rule.enabled}>
      <td>
        <input type="checkbox" checked={rule.enabled} onChange={(e) => update.mutate({ id: rule.id, enabled: e.target.checked })} data-testid="rule-enabled" aria-label={`Enable ${rule.name}`} />
      </td>
      <td>{rule.name}<div className="muted small mono">{rule.kind}</div></td>
      <td>
        <select value={rule.severity} onChange={(e) => update.mutate({ id: rule.id, severity: e.target.value as AlertSeverity })} data-testid="rule-severity" aria-label={`Severity of ${rule.name}`}>
          <option value="info">info</option>
          <option value="warning">warning</option>
          <option value="critical">critical</option>
        </select>
      </td>
      <td>
        {Object.keys(rule.params).length === 0 ? <span className="muted">—</span> : Object.entries(rule.params).map(([k, v]) => <ParamField key={k} rule={rule} name={k} value={v} />)}
      </td>
      <td>
        <input
          value={cooldown}
          size={4}
          onChange={(e) => setCooldown(e.target.value)}
          onBlur={() => cooldown !== String(rule.cooldownMinutes) && update.mutate({ id: rule.id, cooldownMinutes: Number(cooldown) })}
          data-testid="rule-cooldown"
          aria-label={`Cooldown of ${rule.name} in minutes`}
        />{' '}
        min
      </td>
      <td>
        <select
          multiple
          value={rule.channelIds}
          onChange={(e) => update.mutate({ id: rule.id, channelIds: [...e.target.selectedOptions].map((o) => o.value) })}
          data-testid="rule-channels"
          aria-label={`Channels of ${rule.name} (none selected: every channel)`}
        >
          {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        {rule.channelIds.length === 0 ? <div className="muted small">every channel</div> : null}
        {update.isError ? <div className="field-error" role="alert">{errorMessage(update.error)}</div> : null}
      </td>
    </tr>
  );
}

/** The alert rules: enable, severity, parameters, cooldown and channels of each. */
export function RulesTable() {
  const { data, isLoading, error } = useAlertRulesQuery();
  const channels = useAlertChannelsQuery();
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <LoadingPanel isLoading={isLoading} error={error}>
        <div className="table-wrap">
          <table data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">Rule</th>
                <th scope="col">Severity</th>
                <th scope="col">Parameters</th>
                <th scope="col">Cooldown</th>
                <th scope="col">Channels</th>
              </tr>
            </thead>
            <tbody>
              {(data ?? []).map((r) => <RuleRow key={`${r.id}:${r.updatedAt}`} rule={r} channels={channels.data ?? []} />)}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </section>
  );
}
