import net from 'node:net';
import os from 'node:os';
import nodemailer from 'nodemailer';
import type { SMTPPoolOptions, Transporter } from 'nodemailer';
import { decryptSecret } from '../crypto.ts';
import type { SmtpServer } from '../generated/prisma/client.ts';

/** A stored SMTP server row (prisma SmtpServer); `authSecret` is the encrypted password. */
export type SmtpServerRecord = SmtpServer;

/** Seconds to wait for the TCP (and implicit TLS) connection. */
export const CONNECTION_TIMEOUT_SECONDS = 15;
/** Seconds to wait for the 220 greeting after connecting (and for a STARTTLS upgrade). */
export const GREETING_TIMEOUT_SECONDS = 15;
/** Seconds of socket inactivity before a session is dropped (covers a slow reply after DATA). */
export const SOCKET_TIMEOUT_SECONDS = 60;
/** Timeouts in seconds; the defaults above apply to any left out (tests shorten them). */
export interface SeedTimeouts {
  connectionSeconds?: number;
  greetingSeconds?: number;
  socketSeconds?: number;
}

/** Connections one server's pool opens at most (SMTP-08: a few, reused, never one per message). */
export const POOL_MAX_CONNECTIONS = 2;
/** Messages sent over one connection before it is replaced (at or under common per-connection caps, SMTP-08). */
export const POOL_MAX_MESSAGES = 100;

/**
 * The HELO/EHLO name (RFC 5321 §4.1.1.1: the client's fully qualified domain name): the server's heloName, else
 * the domain of its from address, else this machine's host name.
 */
export function heloNameOf(server: { heloName?: string | null; fromAddress: string }): string {
  if (server.heloName) return server.heloName;
  const domain = server.fromAddress.split('@').pop() ?? '';
  return domain.includes('.') ? domain : os.hostname();
}

/**
 * nodemailer connection options for a server (no pool):
 * - `implicit_tls` → `secure: true` (TLS from the first byte, port 465, RFC 8314 §3.3);
 * - `starttls` → `secure: false, requireTLS: true` (STARTTLS is mandatory, RFC 3207; never plaintext fallback);
 * - `none` → `secure: false, ignoreTLS: true` (no upgrade even when advertised, SMTP-02).
 * `trustSelfSigned` sets `tls.rejectUnauthorized: false` on this connection only (never process-wide, SMTP-02).
 * @param withAuth include the decrypted credentials (false for a capability probe).
 * @throws Error('cannot decrypt …') from decryptSecret when the stored password cannot be read.
 */
export function seedConnectionOptions(p: {
  server: SmtpServerRecord;
  withAuth?: boolean;
  decrypt?: (blob: string) => string;
  timeouts?: SeedTimeouts;
}): SMTPPoolOptions {
  const { server, withAuth = true, decrypt = decryptSecret, timeouts = {} } = p;
  const tlsOptions = {
    ...(net.isIP(server.host) ? {} : { servername: server.host }),
    ...(server.trustSelfSigned ? { rejectUnauthorized: false } : {}),
  };
  return {
    host: server.host,
    port: server.port,
    name: heloNameOf(server),
    secure: server.security === 'implicit_tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    tls: tlsOptions,
    connectionTimeout: (timeouts.connectionSeconds ?? CONNECTION_TIMEOUT_SECONDS) * 1000,
    greetingTimeout: (timeouts.greetingSeconds ?? GREETING_TIMEOUT_SECONDS) * 1000,
    socketTimeout: (timeouts.socketSeconds ?? SOCKET_TIMEOUT_SECONDS) * 1000,
    logger: false,
    ...(withAuth && server.authUser && server.authSecret ? { auth: { user: server.authUser, pass: decrypt(server.authSecret) } } : {}),
  };
}

/**
 * ONE pooled nodemailer transport for a server (SMTP-08): `pool: true`, at most POOL_MAX_CONNECTIONS connections,
 * POOL_MAX_MESSAGES messages per connection, HELO name and TLS per seedConnectionOptions. The caller sends all of
 * a test's messages through it and calls `close()` at the end.
 * @throws Error('cannot decrypt …') when the stored password cannot be read.
 */
export function createSeedTransport(p: { server: SmtpServerRecord; decrypt?: (blob: string) => string; timeouts?: SeedTimeouts }): Transporter {
  return nodemailer.createTransport({
    ...seedConnectionOptions({ server: p.server, decrypt: p.decrypt, timeouts: p.timeouts }),
    pool: true,
    maxConnections: POOL_MAX_CONNECTIONS,
    maxMessages: POOL_MAX_MESSAGES,
  });
}
