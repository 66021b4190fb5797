import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { decryptSecret, encryptSecret } from '../../../lib/crypto.ts';
import type { SmtpServer } from '../../../lib/generated/prisma/client.ts';
import { buildSeedMessage } from '../../../lib/smtp/build-seed-message.ts';
import { createSeedTransport } from '../../../lib/smtp/create-seed-transport.ts';
import { sendSeedMessage } from '../../../lib/smtp/send-seed-message.ts';
import { testSmtpConnection } from '../../../lib/smtp/test-smtp-connection.ts';
import {
  makeCertificate,
  startGreylistPeer,
  startImplicitTlsPeer,
  startPolicyPeer,
  startQuotaPeer,
  startSubmissionPeer,
} from '../../helpers/smtp-peers.ts';
import type { SmtpPeer, TestCertificate } from '../../helpers/smtp-peers.ts';
import { readableMessage } from '../../helpers/smtp-sink.ts';

// Real nodemailer transports against in-process smtp-server peers on 127.0.0.1 with an openssl certificate.
const key = crypto.randomBytes(32);
const decrypt = (blob: string) => decryptSecret(blob, key);
const timeouts = { connectionSeconds: 2, greetingSeconds: 1, socketSeconds: 5 };
let cert: TestCertificate;
const peers: Record<string, SmtpPeer> = {};

beforeAll(async () => {
  cert = makeCertificate();
  peers.grey = await startGreylistPeer(cert);
  peers.policy = await startPolicyPeer(cert);
  peers.quota = await startQuotaPeer(cert);
  peers.implicit = await startImplicitTlsPeer(cert);
  peers.submission = await startSubmissionPeer(cert, { user: 'sender@sender.test', pass: 'sendpass' });
  peers.noUtf8 = await startSubmissionPeer(cert, { user: 'sender@sender.test', pass: 'sendpass', smtputf8: false });
});

afterAll(async () => {
  await Promise.all(Object.values(peers).map((p) => p.close()));
  cert.cleanup();
});

function serverFor(peer: SmtpPeer, over: Partial<SmtpServer> = {}): SmtpServer {
  return {
    id: 'srv1',
    name: 'Test relay',
    host: peer.host,
    port: peer.port,
    security: 'starttls',
    authUser: null,
    authSecret: null,
    fromAddress: 'sender@sender.test',
    heloName: 'client.sender.test',
    trustSelfSigned: true,
    scheduleCron: '0 */6 * * *',
    enabled: true,
    pausedReason: null,
    lastTest: null,
    lastTestAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...over,
  };
}

async function sendOne(server: SmtpServer, to = 'seed@example.test', token = `tok${crypto.randomBytes(6).toString('hex')}`) {
  const transport = createSeedTransport({ server, decrypt, timeouts });
  try {
    const message = buildSeedMessage({ token, seed: { address: to }, server });
    const outcome = await sendSeedMessage({ transport, message, from: server.fromAddress, to, server });
    return { outcome, message };
  } finally {
    transport.close();
  }
}

test('SMTP-04: a greylisting MX defers the first send (451 4.7.1 at RCPT) and accepts the retry', async () => {
  const server = serverFor(peers.grey, { security: 'none' });
  const first = await sendOne(server, 'seed-grey@example.test', 'greytoken01');
  expect(first.outcome).toMatchObject({ outcome: 'deferred', category: 'greylisted', stage: 'rcpt', code: 451, enhancedCode: '4.7.1', retryable: true });
  expect(peers.grey.messages).toHaveLength(0);
  const retry = await sendOne(server, 'seed-grey@example.test', 'greytoken01');
  expect(retry.outcome).toMatchObject({ outcome: 'accepted', category: 'accepted_by_relay', stage: 'data', code: 250 });
  expect(retry.outcome.message).toContain('not delivery');
  expect(peers.grey.messages).toHaveLength(1);
});

test('the seed message carries its token in the header, subject, both bodies and the Message-ID', async () => {
  const server = serverFor(peers.submission, { authUser: 'sender@sender.test', authSecret: encryptSecret('sendpass', key) });
  const { outcome, message } = await sendOne(server, 'seed-inbox@example.test', 'placement-7f3a9c');
  expect(outcome.outcome).toBe('accepted');
  const raw = readableMessage(peers.submission.messages.at(-1)!.raw);
  expect(raw).toContain('X-Inboxwatch-Token: placement-7f3a9c');
  expect(raw).toMatch(/Subject: Delivery check from Test relay \[ref placement-7f3a9c\]/);
  expect(raw).toContain(`Message-ID: ${message.messageId}`);
  expect(message.messageId).toMatch(/^<placement-7f3a9c\.[0-9a-f]{12}@sender\.test>$/);
  expect(raw.match(/Reference: (?:<span>)?placement-7f3a9c/g)).toHaveLength(2);
  expect(raw).toMatch(/Content-Type: multipart\/alternative/);
  expect(peers.submission.messages.at(-1)!.to).toEqual(['seed-inbox@example.test']);
});

test('SMTP-05: a policy MX rejection is rejected / policy_block at RCPT, not retryable', async () => {
  const { outcome } = await sendOne(serverFor(peers.policy, { security: 'none' }));
  expect(outcome).toMatchObject({ outcome: 'rejected', category: 'policy_block', stage: 'rcpt', code: 550, enhancedCode: '5.7.1', retryable: false });
  expect(outcome.message).toBe('The receiving server refused the message by policy, in reply to RCPT TO: 550 5.7.1 Message rejected by policy.');
});

test('QUOTA-01: 550 5.4.5 after DATA is a daily quota of the account, not a recipient failure', async () => {
  const { outcome } = await sendOne(serverFor(peers.quota, { security: 'starttls' }));
  expect(outcome).toMatchObject({ outcome: 'rejected', category: 'quota_exhausted', stage: 'data', code: 550, enhancedCode: '5.4.5', quota: { scope: 'per_day' } });
  expect(outcome.message).toContain('quota of this account is exhausted');
});

test('SMTP-01: STARTTLS settings against an implicit-TLS port are a TLS mode config error with the fix', async () => {
  const server = serverFor(peers.implicit, { security: 'starttls', port: peers.implicit.port });
  const sent = await sendOne(server);
  expect(sent.outcome).toMatchObject({ outcome: 'config_error', category: 'tls_mode', retryable: false });
  expect(sent.outcome.message).toContain('set security to implicit_tls');
  const probe = await testSmtpConnection({ server, decrypt, timeouts });
  expect(probe).toMatchObject({ ok: false, outcome: 'config_error', category: 'tls_mode', stage: 'connect' });
});

test('SMTP-01: implicit TLS settings against a STARTTLS port ("wrong version number") name STARTTLS as the fix', async () => {
  const probe = await testSmtpConnection({ server: serverFor(peers.submission, { security: 'implicit_tls' }), decrypt, timeouts });
  expect(probe).toMatchObject({ ok: false, outcome: 'config_error', category: 'tls_mode', stage: 'tls' });
  expect(probe.message).toContain('set security to starttls');
});

test('SMTP-02: a self-signed certificate is reported with its subject and issuer unless trusted for this server', async () => {
  const untrusted = await testSmtpConnection({ server: serverFor(peers.implicit, { security: 'implicit_tls', trustSelfSigned: false }), decrypt, timeouts });
  expect(untrusted).toMatchObject({ ok: false, outcome: 'config_error', category: 'certificate', stage: 'tls' });
  expect(untrusted.message).toContain('Certificate subject "CN=localhost", issuer "CN=localhost"');
  expect(untrusted.message).toContain('for this server only');
  const viaStarttls = await testSmtpConnection({ server: serverFor(peers.submission, { trustSelfSigned: false }), decrypt, timeouts });
  expect(viaStarttls.category).toBe('certificate');
  expect(viaStarttls.message).toContain('subject "CN=localhost"');
  const trusted = await testSmtpConnection({ server: serverFor(peers.implicit, { security: 'implicit_tls', trustSelfSigned: true }), decrypt, timeouts });
  expect(trusted).toMatchObject({ ok: true, outcome: 'accepted', category: 'connection_ok', stage: 'ehlo' });
  expect(trusted.message).toContain('over TLS as client.sender.test');
});

test('test connection through STARTTLS + AUTH: the right password reaches AUTH, a wrong one is config_error / auth 535', async () => {
  const good = await testSmtpConnection({
    server: serverFor(peers.submission, { authUser: 'sender@sender.test', authSecret: encryptSecret('sendpass', key) }),
    decrypt,
    timeouts,
  });
  expect(good).toMatchObject({ ok: true, outcome: 'accepted', category: 'connection_ok', stage: 'auth', code: 235 });
  expect(good.message).toContain('EHLO and AUTH as sender@sender.test accepted');
  const bad = await testSmtpConnection({
    server: serverFor(peers.submission, { authUser: 'sender@sender.test', authSecret: encryptSecret('wrong', key) }),
    decrypt,
    timeouts,
  });
  expect(bad).toMatchObject({ ok: false, outcome: 'config_error', category: 'auth', stage: 'auth', code: 535, enhancedCode: '5.7.8' });
  expect(JSON.stringify(bad)).not.toContain('wrong');
  const unreadable = await testSmtpConnection({ server: serverFor(peers.submission, { authUser: 'u', authSecret: encryptSecret('x', crypto.randomBytes(32)) }), decrypt, timeouts });
  expect(unreadable).toMatchObject({ ok: false, outcome: 'config_error', category: 'auth' });
  expect(unreadable.message).toContain('cannot decrypt');
});

test('a server that requires STARTTLS, reached with security none, refuses MAIL with 530: config_error / tls_required', async () => {
  const { outcome } = await sendOne(serverFor(peers.submission, { security: 'none' }));
  expect(outcome).toMatchObject({ outcome: 'config_error', category: 'tls_required', stage: 'mail', code: 530 });
});

test('SMTP-03: a non-ASCII local part to a server without SMTPUTF8 is refused before MAIL FROM; with SMTPUTF8 it is sent', async () => {
  const auth = { authUser: 'sender@sender.test', authSecret: encryptSecret('sendpass', key) };
  const before = peers.noUtf8.rcptAttempts;
  const { outcome } = await sendOne(serverFor(peers.noUtf8, auth), 'δοκιμή@example.test');
  expect(outcome).toMatchObject({ outcome: 'config_error', category: 'smtputf8', enhancedCode: '5.6.7', retryable: false, stage: 'mail' });
  expect(peers.noUtf8.rcptAttempts).toBe(before);
  const ok = await sendOne(serverFor(peers.submission, auth), 'δοκιμή@example.test');
  expect(ok.outcome.outcome).toBe('accepted');
  expect(peers.submission.messages.at(-1)!.to).toEqual(['δοκιμή@example.test']);
});

test('SMTP-03: a non-ASCII domain alone is sent in punycode, without SMTPUTF8', async () => {
  const auth = { authUser: 'sender@sender.test', authSecret: encryptSecret('sendpass', key) };
  const { outcome } = await sendOne(serverFor(peers.noUtf8, auth), 'seed@bücher.example');
  expect(outcome.outcome).toBe('accepted');
  expect(peers.noUtf8.commands).toContain('RCPT TO:<seed@xn--bcher-kva.example>');
});

test('SMTP-08: ten messages through one pooled transport use at most two connections', async () => {
  const server = serverFor(peers.implicit, { security: 'implicit_tls' });
  const transport = createSeedTransport({ server, decrypt, timeouts });
  const before = peers.implicit.connections;
  try {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const to = `seed${i}@example.test`;
        return sendSeedMessage({ transport, message: buildSeedMessage({ token: `pooltoken${i}`, seed: { address: to }, server }), from: server.fromAddress, to, server });
      }),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(Array(10).fill('accepted'));
  } finally {
    transport.close();
  }
  expect(peers.implicit.connections - before).toBeLessThanOrEqual(2);
});

test('nothing listening: connection refused is an error at the connect stage, in words', async () => {
  const probe = await testSmtpConnection({ server: serverFor(peers.grey, { port: 1 }), decrypt, timeouts });
  expect(probe).toMatchObject({ ok: false, outcome: 'error', category: 'connection_refused', stage: 'connect' });
  expect(probe.message).toContain('127.0.0.1:1');
});
