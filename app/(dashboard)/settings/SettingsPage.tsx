'use client';

import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../_hooks/api-types.ts';
import { useSendTestEmailMutation } from '../../_hooks/queries/useSendTestEmailMutation.ts';
import { useSettingsQuery } from '../../_hooks/queries/useSettingsQuery.ts';
import { useUpdateSettingsMutation } from '../../_hooks/queries/useUpdateSettingsMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { Badge } from '../../_components/Badge.tsx';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { PlacementSettingsForm } from './PlacementSettingsForm.tsx';

/** Splits the recipients field on commas, semicolons and newlines; the server validates each address. */
function parseRecipients(text: string): string[] {
  return text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}

function RecipientsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettingsMutation();
  const [text, setText] = useState(settings.alertEmailTo.join('\n'));
  useEffect(() => setText(settings.alertEmailTo.join('\n')), [settings.alertEmailTo]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ alertEmailTo: parseRecipients(text) });
  };
  return (
    <form onSubmit={onSubmit} className="panel" aria-labelledby="recipients-heading">
      <h2 id="recipients-heading">Alert recipients</h2>
      <div className="field">
        <label htmlFor="alert-recipients">E-mail addresses (comma or newline separated)</label>
        <textarea
          id="alert-recipients"
          rows={4}
          cols={48}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (update.isError || update.isSuccess) update.reset();
          }}
          aria-invalid={update.isError}
          aria-describedby="alert-recipients-msg"
          data-testid="settings-recipients"
        />
        <div id="alert-recipients-msg">
          {update.isError ? <div className="field-error" role="alert" data-testid="settings-error">{errorMessage(update.error)}</div> : null}
          {update.isSuccess ? <div className="field-hint" role="status" data-testid="settings-saved">Saved: {update.data.alertEmailTo.length} recipient(s).</div> : null}
        </div>
      </div>
      <div style={{ marginTop: 8 }}>
        <button type="submit" className="primary" disabled={update.isPending} data-testid="settings-save">
          {update.isPending ? 'Saving…' : 'Save recipients'}
        </button>
      </div>
    </form>
  );
}

function TestEmail({ settings }: { settings: Settings }) {
  const test = useSendTestEmailMutation();
  return (
    <section className="panel" aria-labelledby="smtp-heading">
      <h2 id="smtp-heading">Alert e-mail</h2>
      <dl className="facts">
        <dt>SMTP server</dt>
        <dd data-testid="settings-smtp-configured" data-configured={settings.alertSmtpConfigured}>
          {settings.alertSmtpConfigured ? <Badge tone="green">configured</Badge> : <Badge tone="amber">not configured</Badge>}
          {settings.alertSmtpConfigured ? null : <span className="muted small"> set ALERT_SMTP_URL (see .env.example)</span>}
        </dd>
      </dl>
      <div style={{ marginTop: 8 }}>
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending} aria-busy={test.isPending} data-testid="test-email">
          {test.isPending ? 'Sending…' : 'Send test email'}
        </button>
      </div>
      {test.isError ? <div className="alert error" role="alert" data-testid="test-email-error">{errorMessage(test.error)}</div> : null}
      {test.isSuccess ? (
        <div className="alert ok" role="status" data-testid="test-email-result">
          Sent to {test.data.accepted.join(', ') || 'nobody'} (Message-ID <code>{test.data.messageId}</code>).
        </div>
      ) : null}
    </section>
  );
}

/** Settings `/settings`: alert recipients, alert SMTP, placement timing, resolver and sweep schedule. */
export function SettingsPage() {
  const { data, isLoading, error } = useSettingsQuery();
  return (
    <>
      <h1>Settings</h1>
      <LoadingPanel isLoading={isLoading} error={error}>
        {data ? (
          <>
            <div className="grid-2">
              <RecipientsForm settings={data} />
              <TestEmail settings={data} />
            </div>
            <PlacementSettingsForm settings={data} />
            <section className="panel" aria-labelledby="env-heading">
              <h2 id="env-heading">DNS and schedule</h2>
              <p className="muted small" style={{ marginTop: 0 }}>Read-only: set in the environment (DNSBL_RESOLVER, DNSBL_SWEEP_CRON) and applied at start.</p>
              <dl className="facts">
                <dt>Resolver</dt>
                <dd className="mono" data-testid="settings-resolver">{data.resolver.length > 0 ? data.resolver.join(', ') : 'system default'}</dd>
                <dt>Sweep schedule</dt>
                <dd className="mono" data-testid="settings-sweep-cron">{data.sweepCron}</dd>
              </dl>
            </section>
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
