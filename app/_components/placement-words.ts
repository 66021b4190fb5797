import type { ConnectionSecurity, Placement, SeedProvider, SmtpOutcomeWord, SmtpStage } from '../_hooks/api-types.ts';

/** SMTP outcomes in words: 250 means the relay accepted the message, not that it was delivered (SMTP-10). */
export const SMTP_OUTCOME_WORDS: Record<SmtpOutcomeWord, string> = {
  accepted: 'accepted by relay',
  deferred: 'deferred',
  rejected: 'rejected',
  throttled: 'throttled',
  config_error: 'configuration error',
  error: 'error',
  pending: 'not sent yet',
};

/** Finer SMTP classes from lib/smtp/classify-smtp-reply.ts; unknown classes are shown with spaces. */
const SMTP_CATEGORY_WORDS: Record<string, string> = {
  accepted_by_relay: 'the relay took it (not yet delivered)',
  greylisted: 'greylisted: retried later',
  temporary: 'temporary failure',
  service_unavailable: 'the server’s service is unavailable: retried later',
  mailbox_busy: 'mailbox busy',
  mailbox_full: 'mailbox full',
  recipient_unverified: 'recipient not verified yet',
  too_many_recipients: 'too many recipients',
  rate_limited: 'rate limited',
  connection_limit: 'too many connections',
  invalid_recipient: 'invalid recipient',
  mailbox_disabled: 'mailbox disabled',
  policy_block: 'policy block',
  reputation_block: 'reputation block',
  sender_rejected: 'sender rejected',
  message_rejected: 'message rejected',
  quota_exhausted: 'sending quota exhausted',
  tls_mode: 'TLS mode mismatch (465 is implicit TLS, 587 is STARTTLS)',
  tls_required: 'the server requires TLS',
  certificate: 'certificate not trusted',
  auth: 'authentication failed',
  auth_required: 'authentication required',
  ehlo_refused: 'EHLO refused',
  smtputf8: 'the server does not support SMTPUTF8',
  connection_refused: 'connection refused',
  timeout: 'timeout',
  dns: 'host name does not resolve',
  unrecognized_reply: 'unrecognized reply',
};

/** A category word from the API in words. */
export function smtpCategoryWords(category: string | null | undefined): string {
  if (!category) return '';
  return SMTP_CATEGORY_WORDS[category] ?? category.replaceAll('_', ' ');
}

export const STAGE_WORDS: Record<SmtpStage, string> = {
  connect: 'connect',
  tls: 'TLS',
  ehlo: 'EHLO',
  auth: 'AUTH',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
};

export const SECURITY_WORDS: Record<ConnectionSecurity, string> = {
  implicit_tls: 'implicit TLS',
  starttls: 'STARTTLS',
  none: 'none (plain text)',
};

export const PROVIDER_WORDS: Record<SeedProvider, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  yahoo: 'Yahoo',
  other: 'Other',
};

/** Provider word from the API, keeping unknown words as they are. */
export function providerWords(provider: string): string {
  return provider in PROVIDER_WORDS ? PROVIDER_WORDS[provider as SeedProvider] : provider;
}

export const PLACEMENT_WORDS: Record<Placement, string> = {
  inbox: 'inbox',
  tab: 'inbox tab',
  spam: 'spam',
  other_folder: 'other folder',
  missing: 'missing',
  error: 'error',
  pending: 'not found yet',
};

/** IMAP connection error kinds (lib/imap/open-mailbox.ts classifyImapError) in words. */
export const IMAP_ERROR_WORDS: Record<string, string> = {
  unreachable: 'server unreachable',
  tls: 'TLS failed',
  auth_failed: 'authentication failed',
  protocol: 'IMAP protocol error',
};
