import type { QuotaScope, SmtpClassification, SmtpReply } from './types.ts';

/**
 * Replies whose meaning comes from the text or the provider, not from the codes alone (cases SMTP-05, SMTP-08,
 * QUOTA-01): rate limits and quotas hidden behind 5xx codes, a 552 that is a relay quota, two SES 454s that mean a
 * per-second throttle and a daily quota. Checked in order before the code tables; the first match wins.
 * `codes`: basic codes the row applies to (any when absent); `enhanced` and `text` are tested on the parsed reply;
 * `result` may read the reply (a relay quota's window and numbers come from its text).
 */
export interface ReplyPattern {
  id: string;
  codes?: number[];
  enhanced?: RegExp;
  text?: RegExp;
  result: SmtpClassification | ((reply: SmtpReply) => SmtpClassification);
  /** Where the reply and its meaning are documented. */
  source: string;
}

const throttled = (category: string, quota?: SmtpClassification['quota']): SmtpClassification => ({
  outcome: 'throttled',
  category,
  retryable: true,
  ...(quota ? { quota } : {}),
});
const quotaHit = (quota: NonNullable<SmtpClassification['quota']>): SmtpClassification => ({
  outcome: 'rejected',
  category: 'quota_exhausted',
  retryable: false,
  quota,
});
const configError = (category: string): SmtpClassification => ({ outcome: 'config_error', category, retryable: false });
const ROLLING_DAY = 'rolling 24 hours after the first message of the window';

export const REPLY_PATTERNS: ReplyPattern[] = [
  // --- Quotas: the account may not send until the window resets. Never a recipient problem.
  {
    id: 'gmail-daily-quota',
    enhanced: /^5\.4\.5$/,
    text: /daily|quota|limit/i,
    result: quotaHit({ scope: 'per_day', resetHint: ROLLING_DAY }),
    source: 'Gmail "550 5.4.5 Daily user sending quota exceeded" (after DATA; gen-smtp/gen_smtp#140, PHPMailer#2113)',
  },
  {
    id: 'ses-daily-quota',
    text: /daily message quota exceeded/i,
    result: quotaHit({ scope: 'per_day', resetHint: ROLLING_DAY }),
    source: 'Amazon SES "454 Throttling failure: Daily message quota exceeded" (2amigos/yii2-usuario#527)',
  },
  {
    id: 'microsoft-submission-quota',
    text: /SubmissionQuotaExceeded/i,
    result: quotaHit({ scope: 'per_day', resetHint: 'rolling 24 hours (Microsoft 365 recipient rate limit, 10,000 recipients a day)' }),
    source: 'Microsoft 365 "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException" (MicrosoftDocs/OfficeDocs-Support#1150)',
  },
  {
    id: 'outlook-24h-limit',
    text: /exceeded (?:its|the|your) 24[- ]hour sending limit/i,
    result: quotaHit({ scope: 'per_day', resetHint: ROLLING_DAY }),
    source: 'Outlook.com "has exceeded its 24-hour sending limit" (nodemailer/nodemailer#1137)',
  },
  {
    id: 'relay-quota',
    text: /(?:relay|sending|daily|hourly|monthly) quota|quota (?:of \d+|exceeded|reached)|over (?:your|the) quota/i,
    result: (reply) => quotaHit({ scope: scopeFromWords(reply.text), resetHint: 'the provider did not say when the quota resets', ...parseQuotaNumbers(reply.text) }),
    source: 'Relay "552 … over your relay quota of 500 Current quota used: 487" (WWBN/AVideo#7527)',
  },
  // --- Throttles: per-second, per-minute, per-connection or concurrency limits. Back off; not a quota.
  {
    id: 'ses-max-send-rate',
    text: /maximum sending rate exceeded/i,
    result: throttled('rate_limited', { scope: 'per_second', resetHint: 'next second' }),
    source: 'Amazon SES "454 Throttling failure: Maximum sending rate exceeded" (nodemailer/nodemailer#436)',
  },
  {
    id: 'per-second',
    text: /too many (?:emails|messages|mails) per second|per[- ]second/i,
    result: throttled('rate_limited', { scope: 'per_second', resetHint: 'next second' }),
    source: 'Mailtrap "550 5.7.0 … too many emails per second" (nodemailer/nodemailer-smtp-pool#8)',
  },
  {
    id: 'recipients-per-hour',
    text: /too many recipients this hour|(?:recipients|messages|emails) per hour|hourly (?:limit|rate)/i,
    result: throttled('rate_limited', { scope: 'per_hour', resetHint: 'within the hour' }),
    source: 'GoDaddy "550 5.1.1 <…> has sent to too many recipients this hour" (sisimai/p5-sisimai#236): the text overrides 5.1.1',
  },
  {
    id: 'microsoft-submission-rate',
    text: /submission rate .*exceeded|(?:messages|recipients|emails) (?:per|a) minute/i,
    result: throttled('rate_limited', { scope: 'per_minute', resetHint: 'next minute' }),
    source: 'Microsoft 365 30 messages/minute submission limit only delays mail (MicrosoftDocs/OfficeDocs-Support PR #1488)',
  },
  {
    id: 'per-connection',
    text: /max(?:imum)? (?:messages?|mails?) per (?:connection|session)|too many messages in this connection|too many nonmail commands/i,
    result: throttled('connection_limit', { scope: 'per_connection', resetHint: 'on a new connection' }),
    source: 'Yahoo "421 Max message per connection reached" (smtp-field-manual 421.json); "554 Too many nonmail commands" (nodemailer#262)',
  },
  {
    id: 'concurrency',
    text: /concurrent connections|too many (?:concurrent |simultaneous |open )?connections|connection limit/i,
    result: throttled('connection_limit', { scope: 'concurrency', resetHint: 'when other connections close' }),
    source: 'Outlook "432 4.3.2 Concurrent connections limit exceeded" (nodemailer#1613); "421 too many connections" (email-templates#469)',
  },
  {
    id: 'rate-words',
    codes: [421, 432, 450, 451, 452, 454, 550, 554],
    text: /too much mail|rate limit|rate-limit|ratelimit|throttl|sending rate|unusual rate|too many (?:emails|messages|mails)|too many login attempts/i,
    result: throttled('rate_limited'),
    source: 'Postfix anvil "450 4.7.1 Error: too much mail from …" (nodemailer#700); Gmail 421 4.7.28 unusual rate',
  },
  // --- Settings problems shown as replies.
  {
    id: 'starttls-required',
    codes: [530, 538, 451, 454],
    text: /starttls|must issue a starttls|tls (?:is )?required|encryption required/i,
    result: configError('tls_required'),
    source: 'Postfix "530 5.7.0 Must issue a STARTTLS command first" (mailstack.md §6)',
  },
  {
    id: 'relay-needs-auth',
    codes: [530, 550, 551, 553, 554],
    text: /authentication required|must authenticate|relay(?:ing)? (?:access )?(?:denied|not permitted)|client host rejected: access denied|not authenticated/i,
    result: configError('auth_required'),
    source: 'Postfix submission "554 5.7.1 Client host rejected: Access denied" without AUTH (mailstack.md §6); RFC 4954 §6 530 5.7.0',
  },
  {
    id: 'smtputf8',
    enhanced: /^5\.6\.7$/,
    result: configError('smtputf8'),
    source: 'RFC 6531 §3.7.4 (5.6.7: non-ASCII address needs SMTPUTF8); case SMTP-03',
  },
  // --- Text overrides within rejections (SMTP-05).
  {
    id: 'sender-rejected-text',
    codes: [550, 553, 554],
    text: /sender (?:address )?rejected|sender (?:is )?not allowed|AUP#/i,
    result: { outcome: 'rejected', category: 'sender_rejected', retryable: false },
    source: 'Spectrum "550 5.1.0 … sender rejected … AUP#In-1310" (sisimai/p5-sisimai#395)',
  },
  {
    id: 'try-again-5xx',
    codes: [550, 554],
    text: /try again later/i,
    result: throttled('rate_limited'),
    source: '"550 … mailbox unavailable … Try again later" was throttling and cleared after 30 minutes (nodemailer#1555)',
  },
];

/** The classification of the first pattern matching the reply, or undefined when none does. */
export function matchReplyPattern(reply: SmtpReply): SmtpClassification | undefined {
  const hit = REPLY_PATTERNS.find(
    (p) =>
      (!p.codes || (reply.code !== null && p.codes.includes(reply.code))) &&
      (!p.enhanced || (reply.enhancedCode !== null && p.enhanced.test(reply.enhancedCode))) &&
      (!p.text || p.text.test(reply.text)),
  );
  if (!hit) return undefined;
  return typeof hit.result === 'function' ? hit.result(reply) : hit.result;
}

/** The window a quota reply names ("hourly quota" → per_hour); a daily window when it names none. */
function scopeFromWords(text: string): QuotaScope {
  if (/hour/i.test(text)) return 'per_hour';
  if (/month/i.test(text)) return 'per_month';
  return 'per_day';
}

/**
 * Numbers a quota reply carries, e.g. "over your relay quota of 500 Current quota used: 487" → { used: 487, limit: 500 }.
 */
function parseQuotaNumbers(text: string): { used?: number; limit?: number } {
  const limit = /(?:quota|limit) (?:of|is) (\d+)/i.exec(text);
  const used = /(?:quota )?used:?\s*(\d+)/i.exec(text);
  return { ...(used ? { used: Number(used[1]) } : {}), ...(limit ? { limit: Number(limit[1]) } : {}) };
}
