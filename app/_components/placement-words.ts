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
  greylisted: 'greylisted',
  rate_limited: 'rate limited',
  invalid_recipient: 'invalid recipient',
  policy_block: 'policy or reputation block',
  reputation_block: 'reputation block',
  quota_exhausted: 'sending quota exhausted',
  mailbox_full: 'mailbox full',
  tls_mode: 'TLS mode mismatch',
  certificate: 'certificate not trusted',
  auth: 'authentication failed',
  auth_failed: 'authentication failed',
  auth_required: 'authentication required',
  unreachable: 'server unreachable',
  timeout: 'timeout',
  relayed: 'accepted for delivery',
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
