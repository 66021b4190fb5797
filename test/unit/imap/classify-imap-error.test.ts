import { expect, test } from 'vitest';
import { classifyImapError } from '../../../lib/imap/classify-imap-error.ts';

const err = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

test('a refused login (AUTHENTICATIONFAILED, RFC 5530) is auth_failed with the server text', () => {
  expect(
    classifyImapError(err('Command failed', { authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED', responseText: 'Invalid credentials (Failure)' })),
  ).toEqual({ kind: 'auth_failed', message: 'the server refused the login: Invalid credentials (Failure)' });
});

test.each([
  ['ECONNREFUSED', 'connection refused: nothing listens on that host and port'],
  ['ENOTFOUND', 'the host name does not resolve'],
  ['CONNECT_TIMEOUT', 'the connection timed out'],
  ['ECONNRESET', 'the server reset the connection'],
])('%s: unreachable — an error on the mailbox, never a placement', (code, message) => {
  expect(classifyImapError(err(`connect ${code}`, { code }))).toEqual({ kind: 'unreachable', message });
});

test.each([
  ['DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed/],
  ['SELF_SIGNED_CERT_IN_CHAIN', /not trusted/],
  ['CERT_HAS_EXPIRED', /expired/],
  ['ERR_TLS_CERT_ALTNAME_INVALID', /does not name this host/],
  ['ERR_SSL_WRONG_VERSION_NUMBER', /does not speak TLS on this port/],
  ['GREETING_TIMEOUT', /implicit TLS/],
])('%s: tls', (code, message) => {
  const c = classifyImapError(err('x', { code }));
  expect(c.kind).toBe('tls');
  expect(c.message).toMatch(message);
});

test('a failed STARTTLS upgrade flagged by imapflow is tls', () => {
  expect(classifyImapError(err('socket hang up', { tlsFailed: true }))).toEqual({ kind: 'tls', message: 'the TLS handshake failed: socket hang up' });
});

test('an undecryptable stored secret and an unsupported XOAUTH2 are auth problems', () => {
  expect(classifyImapError(err('cannot decrypt the secret: malformed IV or tag')).kind).toBe('auth_failed');
  expect(classifyImapError(err('Unsupported authentication mechanism')).message).toMatch(/XOAUTH2/);
});

test('anything else is protocol, with the server reply when there is one', () => {
  expect(classifyImapError(err('Command failed', { responseText: 'Mailbox does not exist' }))).toEqual({
    kind: 'protocol',
    message: 'the IMAP server answered unexpectedly: Mailbox does not exist',
  });
  expect(classifyImapError('boom')).toEqual({ kind: 'protocol', message: 'the IMAP server answered unexpectedly: boom' });
});
