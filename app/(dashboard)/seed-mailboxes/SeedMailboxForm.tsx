'use client';

import { useState, type FormEvent } from 'react';
import type { ConnectionSecurity, ImapAuthMethod, SeedMailbox, SeedMailboxInput, SeedProvider } from '../../_hooks/api-types.ts';
import { useCreateSeedMailboxMutation } from '../../_hooks/queries/useCreateSeedMailboxMutation.ts';
import { useUpdateSeedMailboxMutation } from '../../_hooks/queries/useUpdateSeedMailboxMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { PROVIDER_WORDS } from '../../_components/placement-words.ts';

interface Fields {
  provider: SeedProvider;
  address: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: ConnectionSecurity;
  imapUser: string;
  authMethod: ImapAuthMethod;
  secret: string;
  trustSelfSigned: boolean;
  spamFolder: string;
}

/** IMAP hosts of the big providers, filled in when the provider changes and the host is empty or another provider's. */
const PROVIDER_HOSTS: Partial<Record<SeedProvider, string>> = {
  gmail: 'imap.gmail.com',
  outlook: 'outlook.office365.com',
  yahoo: 'imap.mail.yahoo.com',
};

/** True when the user typed a host of their own (not empty and not one of PROVIDER_HOSTS). */
function isCustomHost(host: string): boolean {
  return host !== '' && !Object.values(PROVIDER_HOSTS).includes(host);
}

function initialFields(mailbox?: SeedMailbox): Fields {
  return {
    provider: mailbox?.provider ?? 'gmail',
    address: mailbox?.address ?? '',
    imapHost: mailbox?.imapHost ?? PROVIDER_HOSTS.gmail ?? '',
    imapPort: String(mailbox?.imapPort ?? 993),
    imapSecurity: mailbox?.imapSecurity ?? 'implicit_tls',
    imapUser: mailbox?.imapUser ?? '',
    authMethod: mailbox?.authMethod ?? 'password',
    secret: '',
    trustSelfSigned: mailbox?.trustSelfSigned ?? false,
    spamFolder: mailbox?.spamFolder ?? '',
  };
}

/** The request body; the secret goes as `password` or `accessToken` by auth method, and only when typed. */
function toInput(f: Fields, editing: boolean): SeedMailboxInput {
  const secret = f.secret ? (f.authMethod === 'xoauth2' ? { accessToken: f.secret } : { password: f.secret }) : {};
  return {
    provider: f.provider,
    address: f.address.trim(),
    imapHost: f.imapHost.trim(),
    imapPort: Number(f.imapPort),
    imapSecurity: f.imapSecurity,
    imapUser: f.imapUser.trim() || f.address.trim(),
    authMethod: f.authMethod,
    ...secret,
    trustSelfSigned: f.trustSelfSigned,
    spamFolder: f.spamFolder.trim() ? f.spamFolder.trim() : editing ? null : undefined,
  };
}

/**
 * Add or edit a seed mailbox. The password or OAuth2 access token is write-only: on edit the form says it is
 * set and offers a field to replace it; the stored value is never shown.
 */
export function SeedMailboxForm({ mailbox, onDone }: { mailbox?: SeedMailbox; onDone?: () => void }) {
  const editing = Boolean(mailbox);
  const [f, setF] = useState<Fields>(() => initialFields(mailbox));
  const create = useCreateSeedMailboxMutation();
  const update = useUpdateSeedMailboxMutation();
  const mutation = editing ? update : create;
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setF((prev) => ({ ...prev, [key]: value }));
    if (mutation.isError) mutation.reset();
  };
  const onProvider = (provider: SeedProvider) => {
    setF((prev) => ({ ...prev, provider, imapHost: isCustomHost(prev.imapHost) ? prev.imapHost : (PROVIDER_HOSTS[provider] ?? '') }));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = toInput(f, editing);
    const onSuccess = () => {
      if (!editing) setF(initialFields());
      onDone?.();
    };
    if (mailbox) update.mutate({ id: mailbox.id, ...input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };
  const idp = mailbox ? `mailbox-${mailbox.id}` : 'mailbox-new';
  const secretWord = f.authMethod === 'xoauth2' ? 'OAuth2 access token' : 'password';
  const secretSet = Boolean(mailbox?.hasSecret) && mailbox?.authMethod === f.authMethod;
  return (
    <form className="panel" onSubmit={onSubmit} data-testid="mailbox-form" data-mode={editing ? 'edit' : 'add'} aria-labelledby={`${idp}-heading`}>
      <h2 id={`${idp}-heading`}>{mailbox ? `Edit ${mailbox.address}` : 'Add a seed mailbox'}</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${idp}-provider`}>Provider</label>
          <select id={`${idp}-provider`} value={f.provider} onChange={(e) => onProvider(e.target.value as SeedProvider)} data-testid="mailbox-provider">
            {Object.entries(PROVIDER_WORDS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idp}-address`}>Address</label>
          <input id={`${idp}-address`} type="email" size={28} value={f.address} onChange={(e) => set('address', e.target.value)} required placeholder="seed1@gmail.com" data-testid="mailbox-address" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-host`}>IMAP host</label>
          <input id={`${idp}-host`} size={24} value={f.imapHost} onChange={(e) => set('imapHost', e.target.value)} required spellCheck={false} autoComplete="off" data-testid="mailbox-host" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-port`}>Port</label>
          <input id={`${idp}-port`} type="number" min={1} max={65535} style={{ width: 90 }} value={f.imapPort} onChange={(e) => set('imapPort', e.target.value)} required data-testid="mailbox-port" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-security`}>Security</label>
          <select id={`${idp}-security`} value={f.imapSecurity} onChange={(e) => set('imapSecurity', e.target.value as ConnectionSecurity)} aria-describedby={`${idp}-security-hint`} data-testid="mailbox-security">
            <option value="implicit_tls">Implicit TLS</option>
            <option value="starttls">STARTTLS required</option>
            <option value="none">None (plain text)</option>
          </select>
          <div id={`${idp}-security-hint`} className="field-hint">993 = implicit TLS, 143 = STARTTLS</div>
        </div>
      </div>
      <div className="form-row" style={{ marginTop: 8 }}>
        <div className="field">
          <label htmlFor={`${idp}-user`}>IMAP user</label>
          <input id={`${idp}-user`} size={24} value={f.imapUser} onChange={(e) => set('imapUser', e.target.value)} placeholder="the address" autoComplete="off" spellCheck={false} data-testid="mailbox-user" />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-auth`}>Sign in with</label>
          <select id={`${idp}-auth`} value={f.authMethod} onChange={(e) => set('authMethod', e.target.value as ImapAuthMethod)} data-testid="mailbox-auth-method">
            <option value="password">Password (or app password)</option>
            <option value="xoauth2">OAuth2 access token (XOAUTH2)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idp}-secret`}>{secretSet ? `Change ${secretWord}` : secretWord[0].toUpperCase() + secretWord.slice(1)}</label>
          <input
            id={`${idp}-secret`}
            type="password"
            size={24}
            value={f.secret}
            onChange={(e) => set('secret', e.target.value)}
            required={!secretSet}
            autoComplete="new-password"
            aria-describedby={`${idp}-secret-hint`}
            data-testid="mailbox-secret"
          />
          <div id={`${idp}-secret-hint`} className="field-hint" data-testid="mailbox-secret-state">
            {secretSet ? `${secretWord[0].toUpperCase() + secretWord.slice(1)} set; leave blank to keep it.` : 'Stored encrypted; never shown again.'}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${idp}-spam`}>Spam folder (optional)</label>
          <input id={`${idp}-spam`} size={18} value={f.spamFolder} onChange={(e) => set('spamFolder', e.target.value)} aria-describedby={`${idp}-spam-hint`} spellCheck={false} data-testid="mailbox-spam-folder" />
          <div id={`${idp}-spam-hint`} className="field-hint">Leave blank to find it (\Junk flag, then by name).</div>
        </div>
      </div>
      <div style={{ marginTop: 10 }}>
        <label className="inline">
          <input type="checkbox" checked={f.trustSelfSigned} onChange={(e) => set('trustSelfSigned', e.target.checked)} data-testid="mailbox-trust-self-signed" />
          Trust a self-signed certificate for this mailbox only
        </label>
        {f.trustSelfSigned ? (
          <div className="alert warn" role="note" data-testid="mailbox-trust-warning">
            The IMAP server’s certificate will not be verified: anyone in between could read the {secretWord}. Use
            this only for a server you run on a network you trust.
          </div>
        ) : null}
      </div>
      {mutation.isError ? <div className="alert error" role="alert" data-testid="mailbox-form-error">{errorMessage(mutation.error)}</div> : null}
      <div className="actions" style={{ marginTop: 10 }}>
        <button type="submit" className="primary" disabled={mutation.isPending} data-testid="mailbox-submit">
          {mutation.isPending ? 'Saving…' : editing ? 'Save' : 'Add mailbox'}
        </button>
        {onDone && editing ? <button type="button" onClick={onDone} data-testid="mailbox-cancel">Cancel</button> : null}
      </div>
    </form>
  );
}
