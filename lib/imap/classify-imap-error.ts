/** What went wrong talking to a seed mailbox. Never a placement: the seed's fate is unknown, not `missing`. */
export type ImapErrorKind = 'unreachable' | 'tls' | 'auth_failed' | 'protocol';

/** A classified IMAP failure: its kind and what happened in words. */
export interface ImapErrorClass {
  kind: ImapErrorKind;
  /** What happened, in words for the user (no credentials: built from codes and the server's reply text). */
  message: string;
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens on that host and port',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  CONNECT_TIMEOUT: 'the connection timed out',
  ECONNRESET: 'the server reset the connection',
  EPIPE: 'the server closed the connection',
  NoConnection: 'the connection closed',
  EConnectionClosed: 'the server closed the connection',
  ClosedAfterConnectText: 'the server closed the connection right after it opened',
};

const CERTIFICATE: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed (turn on "trust self-signed" for this mailbox if you expect that)',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed root that is not trusted (a TLS-intercepting proxy looks like this)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate cannot be verified (incomplete chain)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of the server certificate is not trusted',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port (implicit TLS used on a plain or STARTTLS port? try STARTTLS)',
};

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[name] : undefined;
}

/**
 * Classify an error from openMailbox or a later imapflow command:
 * - `auth_failed`: the server refused the login (`AUTHENTICATIONFAILED`, RFC 5530), XOAUTH2 not offered, or the
 *   stored secret cannot be decrypted (lib/crypto.ts);
 * - `tls`: certificate problems, a failed STARTTLS upgrade, TLS spoken to a non-TLS port (and its reverse, a
 *   missing greeting on an implicit-TLS port);
 * - `unreachable`: DNS, refused, reset or timed-out connections (Node and imapflow codes);
 * - `protocol`: anything else (a NO/BAD reply, a parse error, a missing mailbox).
 * Pure; never throws.
 */
export function classifyImapError(err: unknown): ImapErrorClass {
  const code = typeof field(err, 'code') === 'string' ? (field(err, 'code') as string) : '';
  const raw = err instanceof Error ? err.message : String(err);
  const serverText = typeof field(err, 'responseText') === 'string' ? (field(err, 'responseText') as string) : '';
  if (field(err, 'authenticationFailed') === true || field(err, 'serverResponseCode') === 'AUTHENTICATIONFAILED') {
    return { kind: 'auth_failed', message: `the server refused the login${serverText ? `: ${serverText}` : ''}` };
  }
  if (/^cannot decrypt/.test(raw)) return { kind: 'auth_failed', message: raw };
  if (/Unsupported authentication mechanism/i.test(raw)) {
    return { kind: 'auth_failed', message: 'the server does not offer the authentication method (XOAUTH2 or PLAIN/LOGIN) configured for this mailbox' };
  }
  if (CERTIFICATE[code]) return { kind: 'tls', message: CERTIFICATE[code] };
  if (code === 'GREETING_TIMEOUT') {
    return { kind: 'tls', message: 'no IMAP greeting from the server: the port probably expects implicit TLS (993); choose implicit TLS' };
  }
  if (code === 'ClosedAfterConnectTLS' || code === 'UPGRADE_TIMEOUT' || field(err, 'tlsFailed') === true || /^ERR_SSL|^ERR_TLS/.test(code)) {
    return { kind: 'tls', message: `the TLS handshake failed: ${raw.split('\n')[0]}` };
  }
  if (/STARTTLS/i.test(raw) && /not (supported|available|advertised)|required/i.test(raw)) {
    return { kind: 'tls', message: 'the server does not offer STARTTLS; choose implicit TLS or no encryption' };
  }
  if (UNREACHABLE[code]) return { kind: 'unreachable', message: UNREACHABLE[code] };
  const detail = serverText || raw;
  return { kind: 'protocol', message: `the IMAP server answered unexpectedly: ${detail}` };
}
