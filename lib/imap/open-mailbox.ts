import { ImapFlow } from 'imapflow';
import type { ImapFlowOptions } from 'imapflow';
import type { SeedMailbox } from '../generated/prisma/client.ts';
import { decryptSecret } from '../crypto.ts';

/** A seed mailbox row as stored (Prisma `SeedMailbox`; `secret` is the encrypted password or access token). */
export type SeedMailboxRecord = SeedMailbox;

/** Connection timeouts in ms: TCP+TLS handshake, server greeting, socket inactivity. */
export const IMAP_TIMEOUTS = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 60_000 };

/**
 * The imapflow options for one seed mailbox:
 * - `imapSecurity`: `implicit_tls` → TLS from the first byte (port 993); `starttls` → STARTTLS required
 *   (`doSTARTTLS: true`, RFC 9051 §6.2.1: fail rather than send credentials in clear); `none` → cleartext.
 * - `trustSelfSigned` → `tls.rejectUnauthorized: false` for this connection only.
 * - `authMethod` `xoauth2` → SASL XOAUTH2 with the access token (imapflow `auth.accessToken`), else LOGIN/PLAIN.
 * Logging is off: imapflow's logger would otherwise be the one place a credential could reach a log line.
 * @throws Error('cannot decrypt …') when the stored secret cannot be decrypted (lib/crypto.ts).
 */
export function imapOptions(params: {
  mailbox: SeedMailboxRecord;
  decrypt?: (blob: string) => string;
  timeouts?: typeof IMAP_TIMEOUTS;
}): ImapFlowOptions {
  const { mailbox } = params;
  const secret = (params.decrypt ?? decryptSecret)(mailbox.secret);
  const timeouts = params.timeouts ?? IMAP_TIMEOUTS;
  const auth =
    mailbox.authMethod === 'xoauth2' ? { user: mailbox.imapUser, accessToken: secret } : { user: mailbox.imapUser, pass: secret };
  return {
    host: mailbox.imapHost,
    port: mailbox.imapPort,
    secure: mailbox.imapSecurity === 'implicit_tls',
    doSTARTTLS: mailbox.imapSecurity === 'starttls' ? true : mailbox.imapSecurity === 'none' ? false : undefined,
    tls: { rejectUnauthorized: !mailbox.trustSelfSigned },
    auth,
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  };
}

/**
 * Connect and log in to a seed mailbox over IMAP (imapflow). The caller owns the returned client and must
 * `logout()` it. A failed connection is closed before the error is rethrown; classify it with classifyImapError.
 * @param createClient the connection factory (default: `new ImapFlow(options)`), injectable for tests.
 * @throws the imapflow / socket / TLS error of the failed connect or login; Error('cannot decrypt …') for a
 *   secret stored under another key.
 */
export async function openMailbox(params: {
  mailbox: SeedMailboxRecord;
  decrypt?: (blob: string) => string;
  timeouts?: typeof IMAP_TIMEOUTS;
  createClient?: (options: ImapFlowOptions) => ImapFlow;
}): Promise<ImapFlow> {
  const options = imapOptions(params);
  const client = (params.createClient ?? ((o) => new ImapFlow(o)))(options);
  // imapflow also emits connection errors as events; they reach the caller through the rejected command.
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch (err) {
    client.close();
    throw err;
  }
}
