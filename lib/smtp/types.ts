/**
 * Shared words of the SMTP side (design §6; the columns of PlacementResult.smtp*). Re-exported by
 * classify-smtp-reply.ts and classify-send-error.ts, where the issue-3 contract names them.
 */

/**
 * What happened to one send, for the user:
 * - `accepted`: 2xx after DATA: accepted by the relay, which is not delivery (SMTP-10).
 * - `deferred`: a 4xx the sender should retry (greylisting, a busy mailbox, a temporary failure).
 * - `rejected`: a 5xx for this message or recipient, or an exhausted sending quota (never a recipient problem).
 * - `throttled`: the server limits the rate or the connections (SMTP-08); back off, it is not a quota.
 * - `config_error`: our server settings are wrong (TLS mode, certificate, auth, SMTPUTF8); not a deliverability result.
 * - `error`: no usable SMTP reply (connection refused, timeout, DNS).
 */
export type SmtpOutcome = 'accepted' | 'deferred' | 'rejected' | 'throttled' | 'config_error' | 'error';

/** Where in the session the reply or failure happened (RFC 5321 §3: connect, EHLO, AUTH, MAIL, RCPT, DATA). */
export type SmtpStage = 'connect' | 'tls' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data';

/** The window a limit applies to. per_second, per_minute, per_connection and concurrency are throttles, not quotas. */
export type QuotaScope = 'per_second' | 'per_minute' | 'per_hour' | 'per_day' | 'per_month' | 'per_connection' | 'concurrency';

/** A limit the reply revealed: its window, when it resets (words), and the numbers when the reply gives them. */
export interface QuotaHint {
  scope: QuotaScope;
  resetHint?: string;
  used?: number;
  limit?: number;
}

/**
 * A classified reply. `category` is the finer word stored in PlacementResult.smtpCategory, e.g. accepted_by_relay,
 * greylisted, service_unavailable, temporary, rate_limited, connection_limit, invalid_recipient, mailbox_full, policy_block, reputation_block,
 * sender_rejected, quota_exhausted, message_rejected, tls_mode, certificate, auth, auth_required, tls_required,
 * smtputf8, connection_refused, timeout, dns. `retryable`: the same send may succeed if retried within the
 * placement retry window (every 15 minutes for 4 hours).
 */
export interface SmtpClassification {
  outcome: SmtpOutcome;
  category: string;
  retryable: boolean;
  quota?: QuotaHint;
}

/** A parsed reply (RFC 5321 §4.2, RFC 3463 §2). `code` and `enhancedCode` are null when the reply has none. */
export interface SmtpReply {
  code: number | null;
  enhancedCode: string | null;
  text: string;
}

/** The stored shape of one send: classification + stage + the reply + a sentence for the user. */
export interface SendOutcome extends SmtpClassification, SmtpReply {
  stage: SmtpStage;
  message: string;
}
