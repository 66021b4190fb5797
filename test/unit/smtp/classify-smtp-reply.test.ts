import { expect, test } from 'vitest';
import { classifySmtpReply } from '../../../lib/smtp/classify-smtp-reply.ts';
import { parseSmtpReply } from '../../../lib/smtp/parse-smtp-reply.ts';
import type { SmtpStage } from '../../../lib/smtp/types.ts';

const classify = (raw: string, stage?: SmtpStage) => classifySmtpReply({ ...parseSmtpReply(raw), stage });

test('SMTP-10: 250 Queued is accepted by the relay, never "delivered"', () => {
  expect(classify('250 2.0.0 Ok: queued as 4A1B2C3D', 'data')).toEqual({ outcome: 'accepted', category: 'accepted_by_relay', retryable: false });
  expect(classify('250 OK: message queued', 'data').category).toBe('accepted_by_relay');
});

// SMTP-04 and its kind: 450/451 4.7.x greylisting replies are deferrals to retry, not failures.
test.each([
  ['451 4.7.1 Try again later', 'rcpt'],
  ['451 4.7.1 Greylisted, please try again later', 'rcpt'],
  ['450 4.7.1 <seed@example.net>: Recipient address rejected: Greylisted for 300 seconds', 'rcpt'],
  ['451 4.7.0 Temporarily deferred', 'rcpt'],
  ['450 4.2.0 Greylisted, see http://postgrey.schweikert.ch/help/example.net.html', 'rcpt'],
  ['451 Please try again later', 'rcpt'],
] as const)('SMTP-04: %s → deferred / greylisted, retryable', (raw, stage) => {
  expect(classify(raw, stage)).toEqual({ outcome: 'deferred', category: 'greylisted', retryable: true });
});

// 4.7.1 alone is "delivery not authorized" (RFC 3463 §3.8), not greylisting: greylisting needs words in the text.
// Postfix answers a failing milter (milter_default_action = tempfail) with the first reply below.
test.each([
  ['451 4.7.1 Service unavailable - try again later', 'data', 'service_unavailable'],
  ['421 4.3.0 Temporary System Problem. Try again later', 'rcpt', 'service_unavailable'],
  ['451 4.7.1 <seed@example.net>: Recipient address rejected: Temporary lookup failure', 'rcpt', 'temporary'],
  ['450 4.7.1', 'rcpt', 'temporary'],
] as const)('%s (at %s) → deferred / %s, not greylisted', (raw, stage, category) => {
  expect(classify(raw, stage)).toEqual({ outcome: 'deferred', category, retryable: true });
});

// SMTP-05: classify on basic + enhanced code + text; text overrides the enhanced code.
test.each([
  ['550-5.7.1 [192.0.2.7] Our system has detected that this message is\r\n550 5.7.1 likely unsolicited mail. - gsmtp', 'rejected', 'reputation_block'],
  ['550 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org', 'rejected', 'reputation_block'],
  ['550 5.7.1 Message rejected by policy', 'rejected', 'policy_block'],
  ['550 5.7.26 Unauthenticated email from example.com is not accepted due to domain\'s DMARC policy', 'rejected', 'policy_block'],
  ['550 5.1.1 <seed@example.net>: Recipient address rejected: User unknown in local recipient table', 'rejected', 'invalid_recipient'],
  ['550 #5.1.0 Address rejected.', 'rejected', 'invalid_recipient'],
  ['550 5.1.6 recipient no longer on server', 'rejected', 'invalid_recipient'],
  ['550 5.1.0 <sender@example.com> sender rejected AUP#In-1310', 'rejected', 'sender_rejected'],
  ['553 5.1.8 <sender@example.com>: Sender address rejected: Domain not found', 'rejected', 'sender_rejected'],
  ['552 5.2.2 Mailbox full', 'rejected', 'mailbox_full'],
  ['452 4.2.2 The email account that you tried to reach is over quota', 'deferred', 'mailbox_full'],
  ['550 5.2.1 The email account that you tried to reach is disabled', 'rejected', 'mailbox_disabled'],
  ['554 5.6.0 Message content rejected', 'rejected', 'message_rejected'],
  ['452 #4.5.3 Too many recipients', 'deferred', 'too_many_recipients'],
  ['452 temporary domain failure', 'deferred', 'temporary'],
  ['450 4.2.1 Mailbox busy, try again', 'deferred', 'mailbox_busy'],
  ['421 4.1.1 <seed@example.net>: Recipient address rejected: mx.example.net said: 450 4.1.1 unverified', 'deferred', 'recipient_unverified'],
  ['550 Requested action not taken: mailbox unavailable (no such user)', 'rejected', 'invalid_recipient'],
] as const)('SMTP-05/06: %s → %s / %s', (raw, outcome, category) => {
  const c = classify(raw, 'rcpt');
  expect([c.outcome, c.category]).toEqual([outcome, category]);
  expect(c.retryable).toBe(outcome === 'deferred');
});

test('SMTP-05: GoDaddy "550 5.1.1 … too many recipients this hour" is a per-hour throttle, not an invalid recipient', () => {
  expect(classify('550 5.1.1 <seed@example.net> - 192.0.2.7 has sent to too many recipients this hour', 'rcpt')).toEqual({
    outcome: 'throttled',
    category: 'rate_limited',
    retryable: true,
    quota: { scope: 'per_hour', resetHint: 'within the hour' },
  });
});

test('SMTP-05: "550 … mailbox unavailable … Try again later" is throttling (nodemailer#1555)', () => {
  expect(classify('550 Requested action not taken: mailbox unavailable. Try again later.', 'rcpt').outcome).toBe('throttled');
});

// SMTP-08: connection and rate limits are throttles, not quota or deliverability problems.
test.each([
  ['432 4.3.2 Concurrent connections limit exceeded', 'connection_limit', 'concurrency'],
  ['421 4.7.0 Too many connections from your IP', 'connection_limit', 'concurrency'],
  ['421 Max message per connection reached, closing transmission channel', 'connection_limit', 'per_connection'],
  ['554 Too many nonmail commands', 'connection_limit', 'per_connection'],
  ['550 5.7.0 Requested action not taken: too many emails per second', 'rate_limited', 'per_second'],
  ['454 Throttling failure: Maximum sending rate exceeded.', 'rate_limited', 'per_second'],
  ['450 4.7.1 Error: too much mail from 192.0.2.7', 'rate_limited', undefined],
  ['421 4.7.28 [192.0.2.7] Our system has detected an unusual rate of unsolicited mail', 'rate_limited', undefined],
  ['432 4.3.2 STOREDRV.ClientSubmit; Message submission rate for this client has exceeded the configured limit', 'rate_limited', 'per_minute'],
] as const)('SMTP-08: %s → throttled / %s (%s)', (raw, category, scope) => {
  const c = classify(raw, 'rcpt');
  expect([c.outcome, c.category, c.retryable]).toEqual(['throttled', category, true]);
  expect(c.quota?.scope).toBe(scope);
});

// QUOTA-01: the same code can mean a rate or a quota; a quota never suppresses the recipient.
test('QUOTA-01: Gmail 550 5.4.5 after DATA is a daily quota, not a recipient failure', () => {
  expect(classify('550 5.4.5 Daily user sending quota exceeded', 'data')).toEqual({
    outcome: 'rejected',
    category: 'quota_exhausted',
    retryable: false,
    quota: { scope: 'per_day', resetHint: 'rolling 24 hours after the first message of the window' },
  });
  expect(classify('550-5.4.5 Daily SMTP relay limit exceeded for customer.\r\n550 5.4.5 For more information - gsmtp', 'data').quota?.scope).toBe('per_day');
});

test('QUOTA-01: the two SES 454s differ: per-second throttle vs daily quota', () => {
  const rate = classify('454 Throttling failure: Maximum sending rate exceeded.', 'data');
  const daily = classify('454 Throttling failure: Daily message quota exceeded.', 'data');
  expect([rate.outcome, rate.category, rate.quota?.scope]).toEqual(['throttled', 'rate_limited', 'per_second']);
  expect([daily.outcome, daily.category, daily.quota?.scope]).toEqual(['rejected', 'quota_exhausted', 'per_day']);
});

test('QUOTA-01: Microsoft 365 SubmissionQuotaExceeded is a rolling-24-hour quota; its per-minute limit is a throttle', () => {
  const q = classify('554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message', 'data');
  expect([q.outcome, q.category, q.quota?.scope]).toEqual(['rejected', 'quota_exhausted', 'per_day']);
  expect(q.quota?.resetHint).toMatch(/rolling 24 hours/);
});

test('QUOTA-01: a relay quota reply gives used and limit', () => {
  expect(classify('552 Sorry, you are over your relay quota of 500 Current quota used: 487', 'mail')).toEqual({
    outcome: 'rejected',
    category: 'quota_exhausted',
    retryable: false,
    quota: { scope: 'per_day', resetHint: 'the provider did not say when the quota resets', used: 487, limit: 500 },
  });
  expect(classify('550 5.7.1 hourly quota of 100 exceeded', 'mail').quota).toMatchObject({ scope: 'per_hour', limit: 100 });
});

test('QUOTA-01: Outlook.com "exceeded its 24-hour sending limit" is a daily quota', () => {
  const c = classify('554 5.0.0 Your account has exceeded its 24-hour sending limit', 'data');
  expect([c.outcome, c.category, c.quota?.scope]).toEqual(['rejected', 'quota_exhausted', 'per_day']);
});

// Settings problems answered as replies (config_error, not deliverability).
test.each([
  ['535 5.7.8 Error: authentication failed: (reason unavailable)', 'auth', 'auth'],
  ['534-5.7.9 Application-specific password required.\r\n534 5.7.9 Learn more - gsmtp', 'auth', 'auth'],
  ['530 5.7.0 Must issue a STARTTLS command first', 'mail', 'tls_required'],
  ['530 5.7.0 Authentication required', 'mail', 'auth_required'],
  ['554 5.7.1 <localhost[127.0.0.1]>: Client host rejected: Access denied', 'rcpt', 'auth_required'],
  ['550 5.7.1 Relaying denied', 'rcpt', 'auth_required'],
  ['553 5.6.7 SMTPUTF8 is required but was not offered', 'rcpt', 'smtputf8'],
] as const)('%s (at %s) → config_error / %s', (raw, stage, category) => {
  expect(classify(raw, stage)).toEqual({ outcome: 'config_error', category, retryable: false });
});

test('a 4xx to AUTH is a temporary failure; an empty or code-less reply is an unrecognized error', () => {
  expect(classify('454 4.7.0 Temporary authentication failure', 'auth')).toEqual({ outcome: 'deferred', category: 'temporary', retryable: true });
  expect(classify('')).toEqual({ outcome: 'error', category: 'unrecognized_reply', retryable: true });
  expect(classify('Connection reset')).toEqual({ outcome: 'error', category: 'unrecognized_reply', retryable: true });
});

test('basic codes without enhanced codes fall back to RFC 5321 meanings', () => {
  expect(classify('552 Requested mail action aborted: exceeded storage allocation', 'data').category).toBe('mailbox_full');
  expect(classify('551 User not local; please try <other@example.org>', 'rcpt').category).toBe('invalid_recipient');
  expect(classify('550 Sender verify failed', 'mail').category).toBe('sender_rejected');
  expect(classify('421 Service not available, closing transmission channel', 'connect')).toEqual({ outcome: 'deferred', category: 'temporary', retryable: true });
  expect(classify('554 Transaction failed', 'data').category).toBe('message_rejected');
});
