import type { SmtpClassification, SmtpReply, SmtpStage } from './types.ts';

const STAGE_WORDS: Record<SmtpStage, string> = {
  connect: 'while connecting',
  tls: 'while setting up TLS',
  ehlo: 'in reply to EHLO',
  auth: 'in reply to AUTH',
  mail: 'in reply to MAIL FROM',
  rcpt: 'in reply to RCPT TO',
  data: 'after the message (DATA)',
};

const CATEGORY_WORDS: Record<string, string> = {
  accepted_by_relay: 'The server accepted the message for delivery; that is acceptance by this relay, not delivery to the mailbox',
  greylisted: 'The receiving server greylisted the message (a first-contact delay); it will be retried',
  rate_limited: 'The server is limiting how fast this account sends; the send will be retried later',
  connection_limit: 'The server limits connections or messages per connection; the send will be retried later',
  mailbox_full: 'The recipient mailbox is full',
  mailbox_busy: 'The recipient mailbox is temporarily unavailable; it will be retried',
  mailbox_disabled: 'The recipient mailbox is disabled',
  recipient_unverified: 'The receiving server could not verify the recipient right now; it will be retried',
  too_many_recipients: 'The server refused more recipients in this transaction; it will be retried',
  temporary: 'The server reported a temporary failure; it will be retried',
  service_unavailable: 'The server reported that its own service is unavailable (e.g. a failing content filter); it will be retried',
  invalid_recipient: 'The recipient address does not exist at the receiving server',
  policy_block: 'The receiving server refused the message by policy',
  reputation_block: 'The receiving server refused the message because of the sending IP or domain reputation (block list or spam)',
  sender_rejected: 'The server refused the sender (from) address',
  quota_exhausted: 'The sending quota of this account is exhausted; the server is paused until the quota resets',
  message_rejected: 'The server refused this message',
  tls_mode: 'The TLS setting does not match what the server speaks on this port',
  certificate: 'The server’s TLS certificate is not trusted',
  auth: 'The server refused the user name or password',
  auth_required: 'The server requires authentication before it relays mail: set the auth user and password',
  tls_required: 'The server requires STARTTLS before it accepts mail: set security to starttls',
  smtputf8: 'The address has non-ASCII characters before the @ and the server does not support SMTPUTF8 (RFC 6531)',
  ehlo_refused: 'The server refused the EHLO greeting (check the HELO name)',
  connection_refused: 'Nothing is listening on this host and port (connection refused)',
  timeout: 'The server did not answer in time',
  dns: 'The host name could not be resolved',
  connection_closed: 'The server closed the connection unexpectedly',
  unrecognized_reply: 'The server gave no SMTP reply that could be classified',
  unexpected: 'The send failed unexpectedly',
};

/**
 * One sentence for the user: what happened, where in the session, the server's reply, and a hint when there is
 * one. Never includes credentials (replies and error messages from nodemailer carry none).
 * @example "The recipient address does not exist at the receiving server, in reply to RCPT TO: 550 5.1.1 User unknown."
 */
export function describeSendOutcome(p: SmtpClassification & SmtpReply & { stage: SmtpStage; hint?: string; detail?: string }): string {
  const base = CATEGORY_WORDS[p.category] ?? `The send ended as ${p.outcome} (${p.category})`;
  const reply = p.code !== null ? `: ${[p.code, p.enhancedCode, p.text].filter((x) => x !== null && x !== '').join(' ')}` : p.detail ? ` (${p.detail})` : '';
  const quota = p.quota ? ` Limit window: ${p.quota.scope.replace('_', ' ')}${p.quota.used !== undefined && p.quota.limit !== undefined ? `, ${p.quota.used} of ${p.quota.limit} used` : ''}${p.quota.resetHint ? `; resets ${p.quota.resetHint}` : ''}.` : '';
  const hint = p.hint ? ` ${p.hint[0].toUpperCase()}${p.hint.slice(1)}${/[.!?]$/.test(p.hint) ? '' : '.'}` : '';
  return `${base}, ${STAGE_WORDS[p.stage]}${reply}.${quota}${hint}`;
}
