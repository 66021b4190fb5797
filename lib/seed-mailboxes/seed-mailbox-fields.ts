import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** Seed mailbox providers: the collector searches Gmail's All Mail and asks Gmail for tabs; others are plain IMAP. */
export const ZProvider = z.enum(['gmail', 'outlook', 'yahoo', 'other']);

/** IMAP connection security: implicit TLS (993), STARTTLS required (143), or none. */
export const ZImapSecurity = z.enum(['implicit_tls', 'starttls', 'none']);

/** password (LOGIN/PLAIN) or xoauth2 (SASL XOAUTH2 with an OAuth2 access token). */
export const ZAuthMethod = z.enum(['password', 'xoauth2']);

const HOSTNAME = /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/** An IMAP host: a DNS name (RFC 1123 labels) or an IPv4/IPv6 address, without scheme or port. */
export const ZImapHost = z
  .string()
  .trim()
  .min(1, 'give the IMAP server name, e.g. imap.gmail.com')
  .max(253)
  .refine((h) => HOSTNAME.test(h) || ipaddr.isValid(h), 'must be a host name or an IP address, without scheme or port (e.g. imap.gmail.com)');

/** A TCP port, 1–65535 (IMAP: 993 implicit TLS, 143 STARTTLS). */
export const ZImapPort = z.number().int('must be a whole number').min(1).max(65535);

/** The seed address (RFC 5321 mailbox). */
export const ZSeedAddress = z.string().trim().max(320).pipe(z.email('must be an e-mail address, e.g. seed@gmail.com'));

/** A password or access token: write-only, stored encrypted. */
export const ZSecret = z.string().min(1, 'must not be empty').max(8192);

/** A spam folder override (decoded name, e.g. "Courrier indésirable"); "" or null clears it. */
export const ZSpamFolder = z.string().trim().max(300).nullable();
