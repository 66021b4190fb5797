import { expect, test } from 'vitest';
import type { SmtpServer } from '../../../lib/generated/prisma/client.ts';
import { buildSeedMessage } from '../../../lib/smtp/build-seed-message.ts';
import { createSeedTransport, heloNameOf, seedConnectionOptions } from '../../../lib/smtp/create-seed-transport.ts';

const server = (over: Partial<SmtpServer> = {}): SmtpServer => ({
  id: 's1',
  name: 'Acme relay',
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  authUser: 'sender@example.com',
  authSecret: 'stored-blob',
  fromAddress: 'news@example.com',
  heloName: null,
  trustSelfSigned: false,
  scheduleCron: '0 */6 * * *',
  enabled: true,
  pausedReason: null,
  lastTest: null,
  lastTestAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});
const decrypt = (blob: string) => `plain(${blob})`;

test('security maps to nodemailer TLS options (SMTP-01, SMTP-02)', () => {
  const pick = (o: ReturnType<typeof seedConnectionOptions>) => ({ secure: o.secure, requireTLS: o.requireTLS, ignoreTLS: o.ignoreTLS });
  expect(pick(seedConnectionOptions({ server: server({ security: 'implicit_tls', port: 465 }), decrypt }))).toEqual({ secure: true, requireTLS: false, ignoreTLS: false });
  expect(pick(seedConnectionOptions({ server: server({ security: 'starttls' }), decrypt }))).toEqual({ secure: false, requireTLS: true, ignoreTLS: false });
  expect(pick(seedConnectionOptions({ server: server({ security: 'none', port: 25 }), decrypt }))).toEqual({ secure: false, requireTLS: false, ignoreTLS: true });
});

test('a self-signed certificate is trusted only on the transport of a server that asks for it', () => {
  expect(seedConnectionOptions({ server: server({ trustSelfSigned: true }), decrypt }).tls).toEqual({ servername: 'smtp.example.com', rejectUnauthorized: false });
  expect(seedConnectionOptions({ server: server(), decrypt }).tls).toEqual({ servername: 'smtp.example.com' });
  expect(seedConnectionOptions({ server: server({ host: '192.0.2.25' }), decrypt }).tls).toEqual({});
});

test('HELO name: the configured one, else the from address domain; credentials decrypted only when asked', () => {
  expect(heloNameOf(server({ heloName: 'mta1.example.com' }))).toBe('mta1.example.com');
  expect(seedConnectionOptions({ server: server(), decrypt }).name).toBe('example.com');
  expect(seedConnectionOptions({ server: server(), decrypt }).auth).toEqual({ user: 'sender@example.com', pass: 'plain(stored-blob)' });
  expect(seedConnectionOptions({ server: server(), decrypt, withAuth: false }).auth).toBeUndefined();
  expect(seedConnectionOptions({ server: server({ authSecret: null }), decrypt }).auth).toBeUndefined();
});

test('timeouts default to 15 s connect, 15 s greeting, 60 s socket', () => {
  const o = seedConnectionOptions({ server: server(), decrypt });
  expect([o.connectionTimeout, o.greetingTimeout, o.socketTimeout]).toEqual([15_000, 15_000, 60_000]);
});

test('SMTP-08: the seed transport is one pool with at most 2 connections and 100 messages per connection', () => {
  const transport = createSeedTransport({ server: server(), decrypt });
  try {
    const options = (transport.transporter as unknown as { options: Record<string, unknown> }).options;
    expect([options.pool, options.maxConnections, options.maxMessages]).toEqual([true, 2, 100]);
  } finally {
    transport.close();
  }
});

test('the seed message carries the token in header, subject, text, HTML and Message-ID, with no links or images', () => {
  const m = buildSeedMessage({ token: 'pt_3f9a1c2b', seed: { address: 'seed@example.net' }, server: { name: 'Acme relay', fromAddress: 'news@example.com' }, now: new Date('2026-03-01T10:00:00Z') });
  expect(m.headers).toEqual({ 'X-Inboxwatch-Token': 'pt_3f9a1c2b' });
  expect(m.subject).toBe('Delivery check from Acme relay [ref pt_3f9a1c2b]');
  expect(m.text).toContain('Reference: pt_3f9a1c2b');
  expect(m.text).toContain('Sun, 01 Mar 2026 10:00:00 GMT');
  expect(m.html).toContain('Reference: <span>pt_3f9a1c2b</span>');
  expect(m.messageId).toMatch(/^<pt_3f9a1c2b\.[0-9a-f]{12}@example\.com>$/);
  expect(`${m.text}${m.html}`).not.toMatch(/https?:|<a |<img|free|winner|click/i);
  const other = buildSeedMessage({ token: 'pt_3f9a1c2b', seed: { address: 'seed2@example.net' }, server: { name: 'Acme relay', fromAddress: 'news@example.com' } });
  expect(other.messageId).not.toBe(m.messageId);
  expect(() => buildSeedMessage({ token: 'bad token', seed: { address: 'a@b.c' }, server: { name: 'x', fromAddress: 'a@b.c' } })).toThrow(/letters, digits/);
});

test('server names are HTML-escaped in the HTML body', () => {
  const m = buildSeedMessage({ token: 'tok123456', seed: { address: 'a@example.net' }, server: { name: 'R&D <relay>', fromAddress: 'a@example.com' } });
  expect(m.html).toContain('R&#38;D &#60;relay&#62;');
});
