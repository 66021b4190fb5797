/** Folder layouts, users, the Sieve spam rule and dovecot.conf for test/helpers/dovecot.ts. */

/** One folder of a user's layout. `specialUse` is advertised by the server (RFC 6154 LIST attribute). */
export interface SeedFolder {
  name: string;
  specialUse?: '\\Junk' | '\\All' | '\\Sent' | '\\Trash' | '\\Archive' | '\\Drafts';
}

/**
 * Preset folder layouts (reference/mailstack.md §1):
 * - `junk`: `Junk` flagged \Junk
 * - `bulk`: `Bulk Mail`, no special-use (Yahoo)
 * - `fr`: `Courrier indésirable`, no special-use (mUTF-7 on the wire: `Courrier ind&AOk-sirable`)
 * - `junk-email`: `Junk Email`, no special-use (Exchange Online without SPECIAL-USE)
 * - `gmail`: `[Gmail]/Spam` \Junk and `[Gmail]/All Mail` \All (`[Gmail]` itself is \Noselect)
 * - `plain`: INBOX only (the Sieve rule then creates `Junk` on the first spam delivery)
 */
export type SeedLayout = 'junk' | 'bulk' | 'fr' | 'junk-email' | 'gmail' | 'plain';

export const SEED_LAYOUTS: Record<SeedLayout, SeedFolder[]> = {
  junk: [{ name: 'Junk', specialUse: '\\Junk' }],
  bulk: [{ name: 'Bulk Mail' }],
  fr: [{ name: 'Courrier indésirable' }],
  'junk-email': [{ name: 'Junk Email' }],
  gmail: [
    { name: '[Gmail]/Spam', specialUse: '\\Junk' },
    { name: '[Gmail]/All Mail', specialUse: '\\All' },
  ],
  plain: [],
};

/** A mail user: full address as login, its password, and its folder layout (preset or explicit folders). */
export interface DovecotUser {
  address: string;
  password: string;
  layout: SeedLayout | SeedFolder[];
}

/** The default users: four seeds (password `seedpass`) and a sender for Postfix SASL / DSNs (`sendpass`). */
export const DEFAULT_USERS: DovecotUser[] = [
  { address: 'seed-junk@example.test', password: 'seedpass', layout: 'junk' },
  { address: 'seed-bulk@example.test', password: 'seedpass', layout: 'bulk' },
  { address: 'seed-fr@example.test', password: 'seedpass', layout: 'fr' },
  { address: 'seed-gmail@example.test', password: 'seedpass', layout: 'gmail' },
  { address: 'sender@sender.test', password: 'sendpass', layout: 'plain' },
];

/** The test header that the Sieve rule treats as a spam marker, besides `X-Spam-Status: Yes…`. */
export const DEFAULT_SPAM_HEADER = 'X-Test-Spam';

/** uid/gid of every mail user: above Dovecot's first_valid_uid (1000), owner of the Maildir homes. */
export const MAIL_UID = 5000;

/** The folders of a layout (preset name or explicit list). */
export function folderList(layout: DovecotUser['layout']): SeedFolder[] {
  return typeof layout === 'string' ? SEED_LAYOUTS[layout] : layout;
}

function quoteSieve(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The global sieve_before script: a message whose `X-Spam-Status` starts with "Yes" (rspamd's milter header at the
 * MX) or that carries `spamHeader` is filed into the user's spam folder: the \Junk special-use folder if any, else
 * "Bulk Mail", else "Courrier indésirable", else "Junk Email", else `Junk` (created). RFC 5228, RFC 8579 (special-use).
 */
export function spamSieve(spamHeader: string): string {
  return `require ["fileinto", "mailbox", "special-use"];
if anyof (header :matches "X-Spam-Status" "Yes*", exists ${quoteSieve(spamHeader)}) {
  if specialuse_exists "\\\\Junk" { fileinto :specialuse "\\\\Junk" "Junk"; stop; }
  if mailboxexists "Bulk Mail" { fileinto "Bulk Mail"; stop; }
  if mailboxexists "Courrier indésirable" { fileinto "Courrier indésirable"; stop; }
  if mailboxexists "Junk Email" { fileinto "Junk Email"; stop; }
  fileinto :create "Junk"; stop;
}
`;
}

/**
 * dovecot.conf for one test instance (Dovecot 2.3): every listener on 127.0.0.1 at the given ports, state under
 * `dir`, passwd-file users, Maildir homes, `specialUse` (folder → attribute) set in the inbox namespace (global in
 * Dovecot, but only LISTed for users who have the folder), Sieve on LMTP with the sieve_before spam rule.
 */
export function dovecotConf(p: {
  dir: string;
  hostname: string;
  ports: { imap: number; imaps: number; lmtp: number; auth: number };
  specialUse: Map<string, string>;
}): string {
  const { dir, ports } = p;
  const mailboxes = [...p.specialUse]
    .map(([name, use]) => `  mailbox ${quoteSieve(name)} {\n    special_use = ${use}\n  }`)
    .join('\n');
  return `protocols = imap lmtp
hostname = ${p.hostname}
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = yes
ssl_cert = <${dir}/tls/cert.pem
ssl_key = <${dir}/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
# tests log in with wrong passwords on purpose: no failure delay, and no anvil auth penalty (the auth process
# cannot open anvil-auth-penalty with mode 0; Dovecot's documented way to turn the penalty off)
auth_failure_delay = 0
first_valid_uid = 1000
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
${mailboxes}
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${ports.imap}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${ports.imaps}
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${ports.lmtp}
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  inet_listener {
    address = 127.0.0.1
    port = ${ports.auth}
  }
}
protocol lmtp {
  mail_plugins = sieve
}
plugin {
  sieve_extensions = +special-use
  sieve_before = ${dir}/sieve/spam.sieve
}
`;
}
