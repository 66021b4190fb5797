'use client';

import { useState, type FormEvent } from 'react';
import type { ConnectionSecurity, SmtpServer, SmtpServerInput } from '../../_hooks/api-types.ts';
import { useCreateSmtpServerMutation } from '../../_hooks/queries/useCreateSmtpServerMutation.ts';
import { useUpdateSmtpServerMutation } from '../../_hooks/queries/useUpdateSmtpServerMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';

const DEFAULT_CRON = '0 */6 * * *';

interface Fields {
  name: string;
  host: string;
  port: string;
  security: ConnectionSecurity;
  authUser: string;
  password: string;
  /** Edit only: clear the stored password (PATCH `password: null`). */
  removePassword: boolean;
  fromAddress: string;
  heloName: string;
  trustSelfSigned: boolean;
  scheduleCron: string;
}

function initialFields(server?: SmtpServer): Fields {
  return {
    name: server?.name ?? '',
    host: server?.host ?? '',
    port: String(server?.port ?? 587),
    security: server?.security ?? 'starttls',
    authUser: server?.authUser ?? '',
    password: '',
    removePassword: false,
    fromAddress: server?.fromAddress ?? '',
    heloName: server?.heloName ?? '',
    trustSelfSigned: server?.trustSelfSigned ?? false,
    scheduleCron: server?.scheduleCron ?? DEFAULT_CRON,
  };
}

/**
 * The request body: blank optional fields are cleared (null) on edit, left out on create; a blank password is never
 * sent (the stored one is kept) unless "remove password" is ticked, which sends `password: null`.
 */
function toInput(f: Fields, editing: boolean): SmtpServerInput {
  const optional = (value: string) => (value.trim() ? value.trim() : editing ? null : undefined);
  return {
    name: f.name.trim(),
    host: f.host.trim(),
    port: Number(f.port),
    security: f.security,
    authUser: optional(f.authUser),
    password: editing && f.removePassword ? null : f.password ? f.password : undefined,
    fromAddress: f.fromAddress.trim(),
    heloName: optional(f.heloName),
    trustSelfSigned: f.trustSelfSigned,
    scheduleCron: f.scheduleCron.trim() || DEFAULT_CRON,
  };
}

/**
 * Add or edit an outbound SMTP server. The password is write-only: on edit the form says "password set" and
 * offers a "change password" field and a "remove password" box; the stored value is never shown.
 */
export function ServerForm({ server, onDone }: { server?: SmtpServer; onDone?: () => void }) {
  const editing = Boolean(server);
  const [f, setF] = useState<Fields>(() => initialFields(server));
  const create = useCreateSmtpServerMutation();
  const update = useUpdateSmtpServerMutation();
  const mutation = editing ? update : create;
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setF((prev) => ({ ...prev, [key]: value }));
    if (mutation.isError) mutation.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = toInput(f, editing);
    const onSuccess = () => {
      if (!editing) setF(initialFields());
      onDone?.();
    };
    if (server) update.mutate({ id: server.id, ...input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };
  const idp = server ? `server-${server.id}` : 'server-new';
  const heading = server ? `Edit ${server.name}` : 'Add an SMTP server';
  return (
    <form className="panel" onSubmit={onSubmit} data-testid="server-form" data-mode={editing ? 'edit' : 'add'} aria-labelledby={`${idp}-heading`}>
      <h2 id={`${idp}-heading`}>{heading}</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${idp}-name`}>Name</label>
          <input id={`${idp}-name`} size={18} value={f.name} onChange={(e) => set('name', e.target.value)} required placeholder="mail-out-1" data-testid="server-name" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-host`}>Host</label>
          <input id={`${idp}-host`} size={26} value={f.host} onChange={(e) => set('host', e.target.value)} required placeholder="smtp.example.com" spellCheck={false} autoComplete="off" data-testid="server-host" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-port`}>Port</label>
          <input id={`${idp}-port`} type="number" min={1} max={65535} style={{ width: 90 }} value={f.port} onChange={(e) => set('port', e.target.value)} required data-testid="server-port" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-security`}>Security</label>
          <select id={`${idp}-security`} value={f.security} onChange={(e) => set('security', e.target.value as ConnectionSecurity)} aria-describedby={`${idp}-security-hint`} data-testid="server-security">
            <option value="implicit_tls">Implicit TLS</option>
            <option value="starttls">STARTTLS required</option>
            <option value="none">None (plain text)</option>
          </select>
          <div id={`${idp}-security-hint`} className="field-hint">465 = implicit TLS, 587 = STARTTLS</div>
        </div>
      </div>
      <div className="form-row" style={{ marginTop: 8 }}>
        <div className="field">
          <label htmlFor={`${idp}-user`}>Auth user (optional)</label>
          <input id={`${idp}-user`} size={22} value={f.authUser} onChange={(e) => set('authUser', e.target.value)} autoComplete="off" spellCheck={false} data-testid="server-auth-user" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-password`}>{server?.hasPassword ? 'Change password' : 'Password (optional)'}</label>
          <input
            id={`${idp}-password`}
            type="password"
            size={22}
            value={f.password}
            onChange={(e) => set('password', e.target.value)}
            disabled={f.removePassword}
            autoComplete="new-password"
            aria-describedby={`${idp}-password-hint`}
            data-testid="server-password"
          />
          <div id={`${idp}-password-hint`} className="field-hint" data-testid="server-password-state">
            {server?.hasPassword
              ? f.removePassword
                ? 'The stored password will be removed when you save.'
                : 'Password set; leave blank to keep it.'
              : 'Stored encrypted; never shown again.'}
          </div>
          {server?.hasPassword ? (
            <label className="inline small">
              <input
                type="checkbox"
                checked={f.removePassword}
                onChange={(e) => setF((prev) => ({ ...prev, removePassword: e.target.checked, password: '' }))}
                data-testid="server-remove-password"
              />{' '}
              Remove password
            </label>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${idp}-from`}>From address</label>
          <input id={`${idp}-from`} type="email" size={26} value={f.fromAddress} onChange={(e) => set('fromAddress', e.target.value)} required placeholder="seeds@example.com" data-testid="server-from" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-helo`}>HELO name (optional)</label>
          <input id={`${idp}-helo`} size={22} value={f.heloName} onChange={(e) => set('heloName', e.target.value)} placeholder="mail.example.com" spellCheck={false} data-testid="server-helo" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-cron`}>Schedule (cron)</label>
          <input id={`${idp}-cron`} size={14} className="mono" value={f.scheduleCron} onChange={(e) => set('scheduleCron', e.target.value)} aria-describedby={`${idp}-cron-hint`} spellCheck={false} data-testid="server-cron" />
          <div id={`${idp}-cron-hint`} className="field-hint">Default every 6 hours: <code>{DEFAULT_CRON}</code></div>
        </div>
      </div>
      <div style={{ marginTop: 10 }}>
        <label className="inline">
          <input type="checkbox" checked={f.trustSelfSigned} onChange={(e) => set('trustSelfSigned', e.target.checked)} data-testid="server-trust-self-signed" />
          Trust a self-signed certificate for this server only
        </label>
        {f.trustSelfSigned ? (
          <div className="alert warn" role="note" data-testid="server-trust-warning">
            The certificate of this server will not be verified: anyone between you and it could read the password and
            the messages. Use this only for a server you run on a network you trust.
          </div>
        ) : null}
      </div>
      {mutation.isError ? <div className="alert error" role="alert" data-testid="server-form-error">{errorMessage(mutation.error)}</div> : null}
      <div className="actions" style={{ marginTop: 10 }}>
        <button type="submit" className="primary" disabled={mutation.isPending} data-testid="server-submit">
          {mutation.isPending ? 'Saving…' : editing ? 'Save' : 'Add server'}
        </button>
        {onDone && editing ? <button type="button" onClick={onDone} data-testid="server-cancel">Cancel</button> : null}
      </div>
    </form>
  );
}
