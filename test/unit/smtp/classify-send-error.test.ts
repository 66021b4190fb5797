import { expect, test } from 'vitest';
import { classifySendError, classifySendInfo } from '../../../lib/smtp/classify-send-error.ts';

// Errors shaped as nodemailer 10 builds them (_formatError: code, originalCode, response, responseCode, command).
const nmError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
const starttls587 = { host: 'smtp.example.com', port: 587, security: 'starttls' };

test('SMTP-01: implicit TLS on 587 ("wrong version number", ESOCKET CONN) is a TLS mode config error with the fix', () => {
  const error = nmError('C0A7E1B2:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', {
    code: 'ESOCKET',
    originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
    command: 'CONN',
  });
  const o = classifySendError({ error, server: { host: 'smtp.example.com', port: 587, security: 'implicit_tls' } });
  expect([o.outcome, o.category, o.stage, o.retryable]).toEqual(['config_error', 'tls_mode', 'tls', false]);
  expect(o.message).toContain('Port 587 uses STARTTLS: set security to starttls.');
});

test('SMTP-01: STARTTLS settings on 465 ("Greeting never received", ETIMEDOUT) is a TLS mode config error', () => {
  const error = nmError('Greeting never received', { code: 'ETIMEDOUT', command: 'CONN' });
  const o = classifySendError({ error, server: { host: 'smtp.example.com', port: 465, security: 'starttls' } });
  expect([o.outcome, o.category, o.stage]).toEqual(['config_error', 'tls_mode', 'connect']);
  expect(o.message).toContain('Port 465 uses implicit TLS: set security to implicit_tls.');
  // With implicit TLS configured, the same timeout is just a silent server.
  const silent = classifySendError({ error, server: { host: 'smtp.example.com', port: 465, security: 'implicit_tls' } });
  expect([silent.outcome, silent.category]).toEqual(['error', 'timeout']);
});

test('SMTP-02: a self-signed certificate names subject and issuer and suggests trusting this server only', () => {
  const error = nmError('Error initiating TLS - self-signed certificate', { code: 'ETLS', command: 'STARTTLS' });
  const o = classifySendError({ error, server: starttls587, certificate: { subject: 'CN=localhost', issuer: 'CN=localhost' } });
  expect([o.outcome, o.category, o.stage]).toEqual(['config_error', 'certificate', 'tls']);
  expect(o.message).toContain('Certificate subject "CN=localhost", issuer "CN=localhost"');
  expect(o.message).toContain('for this server only');
  expect(o.message).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED/);
  const chain = nmError('self-signed certificate in certificate chain', { code: 'ESOCKET', originalCode: 'SELF_SIGNED_CERT_IN_CHAIN', command: 'CONN' });
  expect(classifySendError({ error: chain, server: starttls587 }).message).toContain('may be intercepting TLS');
  const altnames = nmError("Hostname/IP does not match certificate's altnames: Host: smtp.example.com. is not in the cert's altnames: DNS:localhost", { code: 'ESOCKET', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID', command: 'CONN' });
  expect(classifySendError({ error: altnames, server: starttls587 }).category).toBe('certificate');
});

test('EAUTH 535 is a config error at the auth stage with the reply kept', () => {
  const error = nmError('Invalid login: 535 5.7.8 Error: authentication failed: (reason unavailable)', {
    code: 'EAUTH',
    response: '535 5.7.8 Error: authentication failed: (reason unavailable)',
    responseCode: 535,
    command: 'AUTH PLAIN',
  });
  const o = classifySendError({ error, server: starttls587 });
  expect(o).toMatchObject({ outcome: 'config_error', category: 'auth', stage: 'auth', code: 535, enhancedCode: '5.7.8', retryable: false });
  expect(o.message).toBe('The server refused the user name or password, in reply to AUTH: 535 5.7.8 Error: authentication failed: (reason unavailable).');
});

test('SMTP-04 through nodemailer: EENVELOPE 451 at RCPT TO is deferred / greylisted at the rcpt stage', () => {
  const error = nmError("Can't send mail - all recipients were rejected: 451 4.7.1 Greylisted, please try again later", {
    code: 'EENVELOPE',
    response: '451 4.7.1 Greylisted, please try again later',
    responseCode: 451,
    command: 'RCPT TO',
  });
  expect(classifySendError({ error, server: starttls587 })).toMatchObject({ outcome: 'deferred', category: 'greylisted', stage: 'rcpt', code: 451, enhancedCode: '4.7.1' });
});

test('QUOTA-01 through nodemailer: EMESSAGE 550 5.4.5 after DATA is quota_exhausted at the data stage', () => {
  const error = nmError('Message failed: 550 5.4.5 Daily user sending quota exceeded', {
    code: 'EMESSAGE',
    response: '550 5.4.5 Daily user sending quota exceeded',
    responseCode: 550,
    command: 'DATA',
  });
  const o = classifySendError({ error, server: starttls587 });
  expect(o).toMatchObject({ outcome: 'rejected', category: 'quota_exhausted', stage: 'data', quota: { scope: 'per_day' } });
  expect(o.message).toContain('Limit window: per day');
});

test('a STARTTLS the server does not offer (502 to STARTTLS) is a TLS mode config error', () => {
  const error = nmError('Error upgrading connection with STARTTLS: 502 5.5.1 Unrecognized command', { code: 'ETLS', response: '502 5.5.1 Unrecognized command', command: 'STARTTLS' });
  expect(classifySendError({ error, server: starttls587 })).toMatchObject({ outcome: 'config_error', category: 'tls_mode', stage: 'tls', code: 502 });
});

test('network failures are errors, retryable, with the host in words', () => {
  const refused = nmError('connect ECONNREFUSED 127.0.0.1:2587', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' });
  const r = classifySendError({ error: refused, server: { host: '127.0.0.1', port: 2587, security: 'starttls' } });
  expect([r.outcome, r.category, r.stage, r.retryable]).toEqual(['error', 'connection_refused', 'connect', true]);
  expect(r.message).toContain('127.0.0.1:2587');
  const dns = nmError('getaddrinfo ENOTFOUND smtp.invalid', { code: 'EDNS', originalCode: 'ENOTFOUND', command: 'CONN' });
  expect(classifySendError({ error: dns, server: { host: 'smtp.invalid', port: 587, security: 'starttls' } }).category).toBe('dns');
  const timeout = nmError('Connection timeout', { code: 'ETIMEDOUT', command: 'CONN' });
  expect(classifySendError({ error: timeout, server: starttls587 }).category).toBe('timeout');
  expect(classifySendError({ error: 'boom', server: starttls587 })).toMatchObject({ outcome: 'error', category: 'unexpected' });
});

test('SMTP-10: classifySendInfo reads 250 queued as accepted by the relay', () => {
  const o = classifySendInfo({ response: '250 2.0.0 Ok: queued as 4A1B2C3D', accepted: ['seed@example.net'], rejected: [], messageId: '<x@example.com>' } as never);
  expect(o).toMatchObject({ outcome: 'accepted', category: 'accepted_by_relay', stage: 'data', code: 250, enhancedCode: '2.0.0', text: 'Ok: queued as 4A1B2C3D' });
  expect(o.message).toContain('not delivery');
});
