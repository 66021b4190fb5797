import { expect, test } from 'vitest';
import { quotaReplyMark } from '../../../lib/quotas/quota-reply-mark.ts';
import { classifySmtpReply } from '../../../lib/smtp/classify-smtp-reply.ts';
import { parseSmtpReply } from '../../../lib/smtp/parse-smtp-reply.ts';

// QUOTA-01 and SMTP-08: the real classifier's verdict on each reply, then the window it marks (or none).
const NOW = new Date('2026-11-30T14:00:00.000Z');
function mark(raw: string) {
  const reply = parseSmtpReply(raw);
  const classification = classifySmtpReply({ ...reply, stage: 'data' });
  const m = quotaReplyMark({ classification, ...reply, now: NOW });
  return m && { window: m.window, until: m.exhaustedUntil.toISOString(), reason: m.reason, ...(m.limit !== undefined ? { limit: m.limit } : {}) };
}

test('Gmail 550 5.4.5: the day window until now + 24 h (rolling)', () => {
  expect(mark('550 5.4.5 Daily user sending quota exceeded')).toEqual({
    window: 'day', until: '2026-12-01T14:00:00.000Z', reason: '550 5.4.5 Daily user sending quota exceeded',
  });
});

test('SES 454 daily message quota marks the day; SES 454 maximum sending rate is a throttle and marks nothing', () => {
  expect(mark('454 Throttling failure: Daily message quota exceeded.')).toMatchObject({ window: 'day', until: '2026-12-01T14:00:00.000Z' });
  expect(mark('454 Throttling failure: Maximum sending rate exceeded.')).toBeNull();
});

test('Microsoft 365 554 5.2.0 SubmissionQuotaExceeded marks the rolling day; Outlook.com 24-hour limit too', () => {
  expect(mark('554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception')).toMatchObject({ window: 'day', until: '2026-12-01T14:00:00.000Z' });
  expect(mark('550 5.7.0 Requested action not taken: mailbox unavailable. The sender has exceeded its 24-hour sending limit')).toMatchObject({ window: 'day' });
});

test('a relay "over quota" reply carries its limit; hourly and monthly wording pick the window', () => {
  expect(mark('552 Sorry, you are over your relay quota of 500 Current quota used: 487')).toEqual({
    window: 'day', until: '2026-12-01T14:00:00.000Z', reason: '552 Sorry, you are over your relay quota of 500 Current quota used: 487', limit: 500,
  });
  expect(mark('550 Hourly quota exceeded for this account')).toMatchObject({ window: 'hour', until: '2026-11-30T15:00:00.000Z' });
  expect(mark('550 Monthly quota exceeded: quota of 10000 reached')).toEqual({
    window: 'month', until: '2026-12-01T00:00:00.000Z', reason: '550 Monthly quota exceeded: quota of 10000 reached', limit: 10000,
  });
});

test('SMTP-08: per-second, per-minute, per-connection and concurrency limits are not quotas', () => {
  expect(mark('550 5.7.0 Requested action not taken: too many emails per second')).toBeNull();
  expect(mark('450 4.7.1 Error: too much mail from 192.0.2.1')).toBeNull();
  expect(mark('421 Max message per connection reached, closing transmission channel')).toBeNull();
  expect(mark('432 4.3.2 Concurrent connections limit exceeded')).toBeNull();
  expect(mark('452 4.2.2 The email account that you tried to reach is over quota')).toBeNull();
  expect(mark('550 5.1.1 User unknown')).toBeNull();
});
