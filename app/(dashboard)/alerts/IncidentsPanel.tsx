'use client';

import { useState } from 'react';
import type { Incident } from '../../_hooks/api-types.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { useAcknowledgeIncidentMutation } from '../../_hooks/queries/useAcknowledgeIncidentMutation.ts';
import { useAlertRulesQuery } from '../../_hooks/queries/useAlertRulesQuery.ts';
import { useIncidentsQuery } from '../../_hooks/queries/useIncidentsQuery.ts';
import { useResolveIncidentMutation } from '../../_hooks/queries/useResolveIncidentMutation.ts';
import { Badge } from '../../_components/Badge.tsx';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';

const SEVERITY_TONE = { critical: 'red', warning: 'amber', info: 'blue' } as const;
const STATUS_TONE = { open: 'red', acknowledged: 'amber', resolved: 'green' } as const;

function IncidentRow({ incident }: { incident: Incident }) {
  const ack = useAcknowledgeIncidentMutation();
  const resolve = useResolveIncidentMutation();
  const live = incident.status !== 'resolved';
  const error = ack.error ?? resolve.error;
  return (
    <tr data-testid="incident-row" data-incident-id={incident.id} data-status={incident.status} data-rule-kind={incident.ruleKind}>
      <td><Badge tone={SEVERITY_TONE[incident.severity]}>{incident.severity}</Badge></td>
      <td>
        <Badge tone={STATUS_TONE[incident.status]} testId="incident-status">{incident.status}</Badge>
        {incident.resolvedBy ? <span className="muted small"> ({incident.resolvedBy})</span> : null}
      </td>
      <td>{incident.title}{incident.occurrences > 1 ? <span className="muted small"> ×{incident.occurrences}</span> : null}</td>
      <td>{incident.subjectLabel} <span className="muted small">{incident.subjectType}</span></td>
      <td><RelativeTime value={incident.openedAt} /></td>
      <td><RelativeTime value={live ? incident.lastSeenAt : incident.resolvedAt} /></td>
      <td>
        {incident.status === 'open' ? (
          <button type="button" onClick={() => ack.mutate(incident.id)} disabled={ack.isPending} data-testid="incident-acknowledge" aria-label={`Acknowledge ${incident.title}`}>
            Acknowledge
          </button>
        ) : null}{' '}
        {live ? (
          <button type="button" onClick={() => resolve.mutate(incident.id)} disabled={resolve.isPending} data-testid="incident-resolve" aria-label={`Resolve ${incident.title}`}>
            Resolve
          </button>
        ) : null}
        {error ? <span className="field-error" role="alert">{errorMessage(error)}</span> : null}
      </td>
    </tr>
  );
}

function IncidentTable({ incidents, testId }: { incidents: Incident[]; testId: string }) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Title</th>
            <th scope="col">Subject</th>
            <th scope="col">Opened</th>
            <th scope="col">Last seen / resolved</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => <IncidentRow key={i.id} incident={i} />)}
        </tbody>
      </table>
    </div>
  );
}

/** Incidents: live ones first (open, then acknowledged), the resolved history below; filters by rule and subject. */
export function IncidentsPanel() {
  const [kind, setKind] = useState('');
  const [subject, setSubject] = useState('');
  const rules = useAlertRulesQuery();
  const { data, isLoading, error } = useIncidentsQuery({ kind: kind || undefined, subject: subject.trim() || undefined });
  const live = (data ?? []).filter((i) => i.status !== 'resolved');
  const history = (data ?? []).filter((i) => i.status === 'resolved');
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Incidents</h2>
      <div className="form-row">
        <label>
          Rule{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="incident-filter-rule">
            <option value="">All rules</option>
            {(rules.data ?? []).map((r) => <option key={r.id} value={r.kind}>{r.name}</option>)}
          </select>
        </label>
        <label>
          Subject{' '}
          <input value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="192.0.2.1, zone, server…" data-testid="incident-filter-subject" />
        </label>
      </div>
      <LoadingPanel isLoading={isLoading} error={error}>
        <h3>Open ({live.length})</h3>
        <LoadingPanel isLoading={false} isEmpty={live.length === 0} emptyMessage="No open incident.">
          <IncidentTable incidents={live} testId="incidents-open" />
        </LoadingPanel>
        <h3>History</h3>
        <LoadingPanel isLoading={false} isEmpty={history.length === 0} emptyMessage="No resolved incident yet.">
          <IncidentTable incidents={history} testId="incidents-history" />
        </LoadingPanel>
      </LoadingPanel>
    </section>
  );
}
