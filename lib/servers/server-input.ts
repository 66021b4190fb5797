import net from 'node:net';
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { AppError } from '../errors.ts';

// RFC 1123 §2.1 host names: LDH labels of 1–63 characters, 253 in all; IDNs are accepted and stored as A-labels.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name (IDN → punycode, lower case) or an IP literal (IPv6 with or without brackets). */
const ZHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .transform((value, ctx) => {
    const bare = value.replace(/^\[(.*)\]$/, '$1');
    if (net.isIP(bare)) return bare;
    const ascii = domainToASCII(value.replace(/\.$/, '')).toLowerCase();
    if (ascii && HOSTNAME.test(ascii)) return ascii;
    ctx.addIssue({ code: 'custom', message: 'must be a host name (smtp.example.com) or an IP address' });
    return z.NEVER;
  });

/** The HELO/EHLO name: a fully qualified host name (RFC 5321 §4.1.1.1). */
const ZHeloName = z
  .string()
  .trim()
  .max(253)
  .refine((v) => HOSTNAME.test(v.toLowerCase()) && v.includes('.'), 'must be a fully qualified host name such as mail.example.com');

/** `implicit_tls` (TLS from the first byte, port 465), `starttls` (STARTTLS required, 587/25) or `none`. */
export const ZSecurity = z.enum(['implicit_tls', 'starttls', 'none']);

const fields = {
  name: z.string().trim().min(1).max(100),
  host: ZHost,
  port: z.number().int().min(1).max(65535),
  security: ZSecurity,
  authUser: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  fromAddress: z.email({ message: 'must be an email address such as sender@example.com' }).max(320),
  heloName: ZHeloName,
  trustSelfSigned: z.boolean(),
  scheduleCron: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
};

/** `POST /api/smtp-servers` body. The password is write-only: stored encrypted, never answered. */
export const ZCreateServer = z
  .object({
    ...fields,
    authUser: fields.authUser.optional(),
    password: fields.password.optional(),
    heloName: fields.heloName.optional(),
    trustSelfSigned: fields.trustSelfSigned.optional(),
    scheduleCron: fields.scheduleCron.optional(),
    enabled: fields.enabled.optional(),
  })
  .strict();
export type TCreateServer = z.infer<typeof ZCreateServer>;

/**
 * `PATCH /api/smtp-servers/:id` body: any field; `password` omitted keeps the stored one, `null` clears it;
 * `authUser: null` turns authentication off (and clears the password); `heloName: null` uses the default.
 */
export const ZUpdateServer = z
  .object({
    name: fields.name,
    host: fields.host,
    port: fields.port,
    security: fields.security,
    authUser: fields.authUser.nullable(),
    password: fields.password.nullable(),
    fromAddress: fields.fromAddress,
    heloName: fields.heloName.nullable(),
    trustSelfSigned: fields.trustSelfSigned,
    scheduleCron: fields.scheduleCron,
    enabled: fields.enabled,
  })
  .partial()
  .strict();
export type TUpdateServer = z.infer<typeof ZUpdateServer>;

/** True for a loopback host: 127.0.0.0/8, ::1 or localhost. */
function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Rules across fields, checked on the settings as they will be stored:
 * a password needs an auth user; a password is never sent in clear to another machine (security `none` is
 * accepted only on loopback, where the connection does not leave the host).
 * @throws AppError('invalid_input') naming the rule.
 */
export function checkServerSettings(s: { host: string; security: string; authUser: string | null; hasPassword: boolean }): void {
  if (s.hasPassword && !s.authUser) throw new AppError('invalid_input', 'authUser: a password needs an auth user');
  if (s.hasPassword && s.security === 'none' && !isLoopback(s.host)) {
    throw new AppError('invalid_input', 'refusing to send a password over an unencrypted connection: set security to starttls or implicit_tls');
  }
}
