import { expect, test } from 'vitest';
import { projectExhaustion } from '../../../lib/quotas/project-exhaustion.ts';
import { quotaBlock } from '../../../lib/quotas/quota-block.ts';
import { computeQuotaState, roomAt } from '../../../lib/quotas/quota-usage.ts';
import type { QuotaInput, UsagePoint } from '../../../lib/quotas/quota-usage.ts';
import { formatUtcMinute, windowBounds } from '../../../lib/quotas/quota-window.ts';

const d = (iso: string) => new Date(iso);
const iso = (x: Date | null) => (x ? x.toISOString() : null);
const quota = (over: Partial<QuotaInput> = {}): QuotaInput => ({
  id: 'q1', serverId: 's1', window: 'day', limit: 500, thresholds: '[80,90,100]', creditsSetAt: null,
  exhaustedUntil: null, exhaustedReason: null, createdAt: d('2026-01-01T00:00:00Z'), ...over,
});
const at = (time: string, count = 1): UsagePoint => ({ at: d(time), count });

test('month window: Jan 31 23:59:59.999 is January; Feb 1 00:00 UTC starts February', () => {
  const jan = windowBounds({ window: 'month', now: d('2026-01-31T23:59:59.999Z') });
  expect([iso(jan.start), iso(jan.resetAt)]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  const feb = windowBounds({ window: 'month', now: d('2026-02-01T00:00:00.000Z') });
  expect([iso(feb.start), iso(feb.resetAt)]).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
});

test('month window: December resets on 1 January of the next year; February of a leap year has 29 days', () => {
  expect(iso(windowBounds({ window: 'month', now: d('2026-12-15T10:00:00Z') }).resetAt)).toBe('2027-01-01T00:00:00.000Z');
  const leap = windowBounds({ window: 'month', now: d('2028-02-29T12:00:00Z') });
  expect([iso(leap.start), iso(leap.resetAt)]).toEqual(['2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z']);
  const q = quota({ window: 'month', limit: 1000 });
  const usage = [at('2028-01-31T23:59:59Z', 7), at('2028-02-01T00:00:00Z', 3), at('2028-02-29T11:00:00Z', 5), at('2028-03-01T00:00:00Z', 9)];
  expect(computeQuotaState({ quota: q, usage, now: d('2028-02-29T12:00:00Z') }).used).toBe(8);
  expect(computeQuotaState({ quota: q, usage, now: d('2028-03-01T00:00:00Z') }).used).toBe(9);
});

test('rolling 24 h: a send exactly 24 h old has left the window; one 1 ms younger still counts', () => {
  const now = d('2026-11-30T14:00:00.000Z');
  const usage = [at('2026-11-29T14:00:00.000Z', 4), at('2026-11-29T14:00:00.001Z', 2), at('2026-11-30T13:00:00.000Z', 1)];
  const state = computeQuotaState({ quota: quota(), usage, now });
  expect(state).toMatchObject({ used: 3, remaining: 497, percent: 0.6, crossed: [], exhausted: false });
  // Under the limit, resetAt is when the oldest counted send leaves: 2026-11-29T14:00:00.001Z + 24 h.
  expect(iso(state.resetAt)).toBe('2026-11-30T14:00:00.001Z');
  const b = windowBounds({ window: 'day', now });
  expect([iso(b.start), iso(b.resetAt)]).toEqual(['2026-11-29T14:00:00.000Z', '2026-12-01T14:00:00.000Z']);
});

test('minute and hour windows roll over 60 s and 60 min', () => {
  const now = d('2026-11-30T14:00:00Z');
  const usage = [at('2026-11-30T13:00:00Z', 5), at('2026-11-30T13:59:00Z', 2), at('2026-11-30T13:59:30Z', 3)];
  expect(computeQuotaState({ quota: quota({ window: 'minute', limit: 10 }), usage, now }).used).toBe(3);
  expect(computeQuotaState({ quota: quota({ window: 'hour', limit: 10 }), usage, now }).used).toBe(5);
});

test('thresholds: 79.9 % crosses none, 80 % crosses 80, 100 % crosses all three and is exhausted', () => {
  const now = d('2026-11-30T14:00:00Z');
  const q = quota({ limit: 1000 });
  const s799 = computeQuotaState({ quota: q, usage: [at('2026-11-30T10:00:00Z', 799)], now });
  expect(s799).toMatchObject({ used: 799, remaining: 201, percent: 79.9, crossed: [], exhausted: false });
  const s800 = computeQuotaState({ quota: q, usage: [at('2026-11-30T10:00:00Z', 800)], now });
  expect(s800).toMatchObject({ percent: 80, crossed: [80], exhausted: false });
  const s1000 = computeQuotaState({ quota: q, usage: [at('2026-11-30T10:00:00Z', 600), at('2026-11-30T12:00:00Z', 400)], now });
  expect(s1000).toMatchObject({ used: 1000, remaining: 0, percent: 100, crossed: [80, 90, 100], exhausted: true, exhaustedReason: 'daily limit 1000 reached (1000 used)' });
  // At the limit, the window frees when the 10:00 sends leave: 600 gone → 400 < 1000.
  expect(iso(s1000.resetAt)).toBe('2026-12-01T10:00:00.000Z');
  expect(s1000.projectedExhaustionAt).toBeNull();
});

test('a zero limit blocks every send until the limit is raised', () => {
  const now = d('2026-11-30T14:00:00Z');
  const state = computeQuotaState({ quota: quota({ limit: 0 }), usage: [], now });
  expect(state).toMatchObject({ used: 0, remaining: 0, percent: 100, crossed: [80, 90, 100], exhausted: true, exhaustedReason: 'daily limit 0 blocks every send', resetAt: null });
  expect(quotaBlock({ quotas: [quota({ limit: 0 })], usage: [], now, messages: 1 })).toEqual({
    ok: false, reason: 'quota: daily limit 0 blocks every send, blocked until the limit is raised on the Quotas page', resetAt: null,
  });
});

test('credits: a balance since creditsSetAt that sends deduct, with no reset', () => {
  const q = quota({ window: 'credits', limit: 100, creditsSetAt: d('2026-11-01T00:00:00Z') });
  const usage = [at('2026-10-31T23:59:59Z', 50), at('2026-11-01T00:00:00Z', 30), at('2026-11-20T00:00:00Z', 70)];
  const state = computeQuotaState({ quota: q, usage, now: d('2026-11-30T00:00:00Z') });
  expect(state).toMatchObject({ used: 100, remaining: 0, exhausted: true, exhaustedReason: 'credit balance 100 used up (100 sent)', resetAt: null });
  expect(quotaBlock({ quotas: [q], usage, now: d('2026-11-30T00:00:00Z'), messages: 3 })).toEqual({
    ok: false, reason: 'quota: credit balance 100 used up, no reset: add credits on the Quotas page', resetAt: null,
  });
  const half = computeQuotaState({ quota: q, usage: usage.slice(0, 2), now: d('2026-11-30T00:00:00Z') });
  expect(half).toMatchObject({ used: 30, remaining: 70, percent: 30 });
});

test('a relay mark exhausts the window until exhaustedUntil, whatever the count', () => {
  const q = quota({ exhaustedUntil: d('2026-12-01T14:00:00Z'), exhaustedReason: '550 5.4.5 Daily user sending quota exceeded' });
  const usage = [at('2026-11-30T13:00:00Z', 3)];
  const state = computeQuotaState({ quota: q, usage, now: d('2026-11-30T14:00:00Z') });
  expect(state).toMatchObject({ used: 3, exhausted: true, exhaustedReason: '550 5.4.5 Daily user sending quota exceeded', crossed: [] });
  expect(iso(state.resetAt)).toBe('2026-12-01T14:00:00.000Z');
  expect(quotaBlock({ quotas: [q], usage, now: d('2026-11-30T14:00:00Z'), messages: 3 })).toEqual({
    ok: false,
    reason: 'quota: daily quota exhausted (550 5.4.5 Daily user sending quota exceeded), resets 2026-12-01 14:00 UTC',
    resetAt: d('2026-12-01T14:00:00Z'),
  });
  expect(computeQuotaState({ quota: q, usage, now: d('2026-12-01T14:00:00Z') }).exhausted).toBe(false);
  expect(quotaBlock({ quotas: [q], usage, now: d('2026-12-01T14:00:00Z'), messages: 3 })).toEqual({ ok: true });
});

test('canSend by count: 498 of 500 used leaves room for 2, not 3; room again when the oldest sends leave', () => {
  const q = quota();
  const usage = [at('2026-11-30T02:00:00Z', 200), at('2026-11-30T08:30:00Z', 298)];
  const now = d('2026-11-30T14:00:00Z');
  expect(quotaBlock({ quotas: [q], usage, now, messages: 2 })).toEqual({ ok: true });
  expect(quotaBlock({ quotas: [q], usage, now, messages: 3 })).toEqual({
    ok: false, reason: 'quota: daily limit 500 would be passed (498 used, 3 to send), resets 2026-12-01 02:00 UTC', resetAt: d('2026-12-01T02:00:00Z'),
  });
  expect(iso(roomAt({ quota: q, usage, now, need: 3 }))).toBe('2026-12-01T02:00:00.000Z');
  expect(roomAt({ quota: q, usage, now, need: 501 })).toBeNull();
  // Two blocking quotas: the one that frees last is reported (the month, on 1 December at 00:00 UTC, is earlier).
  const month = quota({ id: 'q2', window: 'month', limit: 400 });
  expect(quotaBlock({ quotas: [month, q], usage, now, messages: 3 })).toMatchObject({ ok: false, resetAt: d('2026-12-01T02:00:00Z') });
});

test('projected exhaustion at the current rate', () => {
  const now = d('2026-11-30T14:00:00Z');
  // Day window, 100 used (40 in the last hour, 60 at 02:00): 40/h, the 02:00 sends leave at 02:00 tomorrow.
  // 400 remaining at 40/h → 10 h → 2026-12-01 00:00, before the 02:00 departure.
  const usage = [at('2026-11-30T02:00:00Z', 60), at('2026-11-30T13:30:00Z', 40)];
  expect(iso(computeQuotaState({ quota: quota(), usage, now }).projectedExhaustionAt)).toBe('2026-12-01T00:00:00.000Z');
  // 10/h over a rolling day is 240 a day: never reaches 500, not on course.
  expect(computeQuotaState({ quota: quota(), usage: [at('2026-11-30T13:30:00Z', 10)], now }).projectedExhaustionAt).toBeNull();
  // Month: 300 sent since 1 Nov 00:00 (710 h) of 1000: 700 more at 300/710 per hour do not fit before 1 Dec.
  expect(computeQuotaState({ quota: quota({ window: 'month', limit: 1000 }), usage: [at('2026-11-10T00:00:00Z', 300)], now }).projectedExhaustionAt).toBeNull();
  // Month: 600 of 605 by the 30th 14:00 (710 h): 5 more at 600/710 per h take 5 h 55 min → 19:55, before 1 Dec.
  expect(iso(computeQuotaState({ quota: quota({ window: 'month', limit: 605 }), usage: [at('2026-11-10T00:00:00Z', 600)], now }).projectedExhaustionAt)).toBe('2026-11-30T19:55:00.000Z');
  // Credits: 50 of 100 since 30 Nov 04:00 (10 h) → 5/h → 10 h more.
  const credits = quota({ window: 'credits', limit: 100, creditsSetAt: d('2026-11-30T04:00:00Z') });
  expect(iso(computeQuotaState({ quota: credits, usage: [at('2026-11-30T05:00:00Z', 50)], now }).projectedExhaustionAt)).toBe('2026-12-01T00:00:00.000Z');
  expect(projectExhaustion({ window: 'day', limit: 500, counted: [], usage: [], now, creditsSetAt: now })).toBeNull();
});

test('pause reason times are rounded up to the minute in UTC', () => {
  expect(formatUtcMinute(d('2026-11-30T14:00:00Z'))).toBe('2026-11-30 14:00 UTC');
  expect(formatUtcMinute(d('2026-11-30T14:00:00.001Z'))).toBe('2026-11-30 14:01 UTC');
});

test('an unknown limit (null): no percent, remaining or thresholds; exhausted and blocking only while the relay mark lasts', () => {
  const now = d('2026-11-30T14:00:00Z');
  const until = d('2026-12-01T14:00:00Z');
  const reason = '550 5.4.5 Daily user sending quota exceeded';
  const q = quota({ limit: null, exhaustedUntil: until, exhaustedReason: reason });
  const usage = [at('2026-11-30T09:00:00Z', 700), at('2026-11-30T13:59:00Z', 3)];
  expect(computeQuotaState({ quota: q, usage, now })).toEqual({
    quotaId: 'q1', serverId: 's1', window: 'day', limit: null, used: 703, remaining: null, percent: null, thresholds: [80, 90, 100],
    crossed: [], exhausted: true, exhaustedReason: reason, resetAt: until, projectedExhaustionAt: null,
  });
  expect(quotaBlock({ quotas: [q], usage, now, messages: 3 })).toEqual({
    ok: false, reason: `quota: daily quota exhausted (${reason}), resets 2026-12-01 14:00 UTC`, resetAt: until,
  });
  // The mark's end frees the window by itself: however many sends are counted, an unknown limit blocks nothing.
  const later = [...usage, at('2026-12-01T13:00:00Z', 900)];
  expect(computeQuotaState({ quota: q, usage: later, now: until })).toMatchObject({ used: 900, percent: null, crossed: [], exhausted: false, resetAt: null, projectedExhaustionAt: null });
  expect(quotaBlock({ quotas: [q], usage: later, now: until, messages: 1_000_000 })).toEqual({ ok: true });
  expect(iso(roomAt({ quota: q, usage, now, need: 1_000_000 }))).toBe('2026-11-30T14:00:00.000Z');
  // Beside a known hourly limit, the server is held by whichever frees last.
  const hourly = quota({ id: 'q2', window: 'hour', limit: 3 });
  expect(quotaBlock({ quotas: [q, hourly], usage, now: until, messages: 1 })).toEqual({ ok: true });
  expect(quotaBlock({ quotas: [hourly, q], usage, now, messages: 1 })).toMatchObject({ ok: false, resetAt: until });
});
