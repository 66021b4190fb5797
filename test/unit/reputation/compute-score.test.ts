import { expect, test } from 'vitest';
import { computeScore, hasScoreData } from '../../../lib/reputation/compute-score.ts';
import type { ListingInput, ReputationInputs } from '../../../lib/reputation/types.ts';

const none = { pass: 0, total: 0 };
const noData: ReputationInputs = {
  listings: null,
  placement: { inbox: 0, tab: 0, spam: 0, otherFolder: 0, missing: 0 },
  auth: { spf: none, dkim: none, dmarc: none },
  smtp: { accepted: 0, deferred: 0, throttled: 0, rejected: 0 },
  windowDays: 30,
};

function listing(p: Partial<ListingInput> & Pick<ListingInput, 'zone' | 'zoneName' | 'severity' | 'zoneWeight'>): ListingInput {
  return { target: '192.0.2.10', polarity: 'block', codes: ['127.0.0.2'], listedTargets: 1, ...p };
}
const ZEN_SBL = listing({ zone: 'zen.spamhaus.org', zoneName: 'Spamhaus ZEN', severity: 'critical', zoneWeight: 10 });
const SPAMCOP = listing({ zone: 'bl.spamcop.net', zoneName: 'SpamCop', severity: 'high', zoneWeight: 7 });

const byName = (r: ReturnType<typeof computeScore>) => Object.fromEntries(r.factors.map((f) => [f.factor, f]));
const sum = (r: ReturnType<typeof computeScore>) => Math.round(r.factors.reduce((s, f) => s + f.contribution, 0) * 10) / 10;

test('an IP listed on Spamhaus ZEN SBL (critical, weight 10) and SpamCop (high, weight 7), no placement data → 28.8', () => {
  // listings = 100 × (1 − 0.6 × 10/10) × (1 − 0.4 × 7/10) = 100 × 0.4 × 0.72 = 28.8; listings carry all 100 points.
  const r = computeScore({ subjectType: 'ip', inputs: { ...noData, listings: { listings: [ZEN_SBL, SPAMCOP], zonesChecked: 12 } } });
  expect(r.score).toBe(28.8);
  const f = byName(r);
  expect(f.listings).toMatchObject({ value: 28.8, weight: 100, baseWeight: 40, contribution: 28.8 });
  expect(f.listings.detail).toBe(
    'Listed on 2 block lists (12 zones checked): Spamhaus ZEN (192.0.2.10) critical 127.0.0.2, zone weight 10: −60 %; ' +
      'SpamCop (192.0.2.10) high 127.0.0.2, zone weight 7: −28 %.',
  );
  for (const name of ['inbox_rate', 'auth_pass_rate', 'smtp_acceptance']) {
    expect(f[name]).toMatchObject({ value: null, weight: 0, contribution: 0 });
  }
  expect(f.inbox_rate.detail).toBe('No decided placement in the last 30 days. Its 25 points are spread over the factors with data.');
  expect(r.factors.map((x) => x.factor)).toEqual(['listings', 'inbox_rate', 'auth_pass_rate', 'smtp_acceptance']);
});

test('a server without swept assets: placement factors share the 100 points, contributions rounded to sum to 90.5', () => {
  // inbox 9/10 = 90; auth 28/30 = 93.33…; SMTP 1 − (1 + 0.5 × 1)/12 = 87.5.
  // Weights over 25 + 20 + 15 = 60: 41.67, 33.33, 25. Contributions 37.5, 31.11…, 21.875 → total 90.486 → 90.5;
  // tenths 375 + 311 + 218 = 904, one tenth short: the largest remainder (SMTP, .75) gets it → 37.5 + 31.1 + 21.9.
  const r = computeScore({
    subjectType: 'server',
    inputs: {
      ...noData,
      placement: { inbox: 8, tab: 1, spam: 1, otherFolder: 0, missing: 0 },
      auth: { spf: { pass: 10, total: 10 }, dkim: { pass: 10, total: 10 }, dmarc: { pass: 8, total: 10 } },
      smtp: { accepted: 10, deferred: 1, throttled: 0, rejected: 1 },
    },
  });
  expect(r.score).toBe(90.5);
  const f = byName(r);
  expect(f.listings).toMatchObject({ value: null, weight: 0, contribution: 0 });
  expect(f.listings.detail).toContain('No swept IP or domain asset behind this server');
  expect(f.listings.detail).toContain('Its 40 points are spread over the factors with data.');
  expect(f.inbox_rate).toMatchObject({ value: 90, weight: 41.7, contribution: 37.5 });
  expect(f.inbox_rate.detail).toBe(
    '9 of 10 decided seeds in the inbox in the last 30 days (inbox 8, tab 1, spam 1, other folder 0, missing 0).',
  );
  expect(f.auth_pass_rate).toMatchObject({ value: 93.3, weight: 33.3, contribution: 31.1 });
  expect(f.auth_pass_rate.detail).toBe(
    '28 of 30 receiver verdicts pass in the last 30 days (SPF 10/10, DKIM 10/10, DMARC 8/10); only "pass" counts, not bestguesspass.',
  );
  expect(f.smtp_acceptance).toMatchObject({ value: 87.5, weight: 25, contribution: 21.9 });
  expect(sum(r)).toBe(r.score);
});

test('all four factors at their published weights: SpamCop listing, half the seeds in spam → 76.3', () => {
  // listings 72 × 0.40 = 28.8; inbox 2/4 = 50 × 0.25 = 12.5; auth 12/12 = 100 × 0.20 = 20; SMTP 4/4 = 100 × 0.15 = 15.
  const r = computeScore({
    subjectType: 'ip',
    inputs: {
      ...noData,
      listings: { listings: [SPAMCOP], zonesChecked: 20 },
      placement: { inbox: 2, tab: 0, spam: 2, otherFolder: 0, missing: 0 },
      auth: { spf: { pass: 4, total: 4 }, dkim: { pass: 4, total: 4 }, dmarc: { pass: 4, total: 4 } },
      smtp: { accepted: 4, deferred: 0, throttled: 0, rejected: 0 },
    },
  });
  expect(r.score).toBe(76.3);
  expect(r.factors.map((f) => [f.factor, f.value, f.weight, f.contribution])).toEqual([
    ['listings', 72, 40, 28.8],
    ['inbox_rate', 50, 25, 12.5],
    ['auth_pass_rate', 100, 20, 20],
    ['smtp_acceptance', 100, 15, 15],
  ]);
});

test('clean everywhere with perfect placement → 100', () => {
  const r = computeScore({
    subjectType: 'domain',
    inputs: {
      ...noData,
      listings: { listings: [], zonesChecked: 9 },
      placement: { inbox: 5, tab: 1, spam: 0, otherFolder: 0, missing: 0 },
      auth: { spf: { pass: 6, total: 6 }, dkim: { pass: 6, total: 6 }, dmarc: { pass: 6, total: 6 } },
      smtp: { accepted: 6, deferred: 0, throttled: 0, rejected: 0 },
    },
  });
  expect(r.score).toBe(100);
  expect(byName(r).listings.detail).toBe('Not listed on any of 9 zones checked.');
});

test('listed on every default block list, all seeds in spam failing auth, 9 in 10 sends rejected → near 0 (3.8)', () => {
  // The default-enabled IPv4 block lists at their worst codes, each keeping (1 − penalty × weight/10):
  // ZEN critical w10 → 0.4; SpamCop high w7 → 0.72; Mailspike high w6 → 0.76; PSBL medium w5 → 0.9;
  // VirusFree bip high w5 → 0.8; SpamRATS high w4 → 0.84; five medium w4 (UCEPROTECT-1, SEM, blocklist.de,
  // VirusFree bad, GBUdb) → 0.92 each; seven medium w3 (JustSpam, DroneBL, s5h, InterServer, NordSpam, UBL, 0spam)
  // → 0.94 each. 0.4 × 0.72 × 0.76 × 0.9 × 0.8 × 0.84 = 0.132379; × 0.92⁵ (0.659082) = 0.087248;
  // × 0.94⁷ (0.648478) = 0.056579 → listings 5.66 (shown 5.7), contribution 5.66 × 0.40 = 2.263.
  // Inbox 0/6 and auth 0/18 give 0. SMTP: 6 accepted, 54 rejected → 100 × (1 − 54/60) = 10 → 10 × 0.15 = 1.5.
  // Total 3.763 → 3.8; tenths 22 + 0 + 0 + 15 = 37, one short → listings (remainder .63) → 2.3 + 1.5.
  const zones: [string, 'critical' | 'high' | 'medium', number][] = [
    ['zen', 'critical', 10], ['spamcop', 'high', 7], ['mailspike', 'high', 6], ['psbl', 'medium', 5],
    ['uceprotect', 'medium', 4], ['sem', 'medium', 4], ['blocklist.de', 'medium', 4], ['bip', 'high', 5],
    ['bad', 'medium', 4], ['gbudb', 'medium', 4], ['justspam', 'medium', 3], ['spamrats', 'high', 4],
    ['dronebl', 'medium', 3], ['s5h', 'medium', 3], ['interserver', 'medium', 3], ['nordspam', 'medium', 3],
    ['ubl', 'medium', 3], ['0spam', 'medium', 3],
  ];
  const r = computeScore({
    subjectType: 'ip',
    inputs: {
      ...noData,
      listings: { listings: zones.map(([zone, severity, zoneWeight]) => listing({ zone, zoneName: zone, severity, zoneWeight })), zonesChecked: 18 },
      placement: { inbox: 0, tab: 0, spam: 6, otherFolder: 0, missing: 0 },
      auth: { spf: { pass: 0, total: 6 }, dkim: { pass: 0, total: 6 }, dmarc: { pass: 0, total: 6 } },
      smtp: { accepted: 6, deferred: 0, throttled: 0, rejected: 54 },
    },
  });
  expect(r.factors.map((f) => [f.factor, f.value, f.contribution])).toEqual([
    ['listings', 5.7, 2.3],
    ['inbox_rate', 0, 0],
    ['auth_pass_rate', 0, 0],
    ['smtp_acceptance', 10, 1.5],
  ]);
  expect(r.score).toBe(3.8);
});

test('zone weight scales the penalty: weight 0 removes nothing, weight 5 halves it', () => {
  // SpamCop high at weight 0 → ×1; at weight 5 → 1 − 0.4 × 0.5 = 0.8 → 80.
  const at = (zoneWeight: number) =>
    computeScore({ subjectType: 'ip', inputs: { ...noData, listings: { listings: [{ ...SPAMCOP, zoneWeight }], zonesChecked: 1 } } }).score;
  expect(at(0)).toBe(100);
  expect(at(5)).toBe(80);
  expect(at(10)).toBe(60);
});

test('an allow-list listing adds a small bonus, capped at 5 points and at 100', () => {
  // SpamCop 72 + Mailspike WL (allow, weight 2): 5 × 2/10 = 1 → 73. Clean + a weight-10 allow list: 100 + 5 → 100.
  const wl = listing({ zone: 'wl.mailspike.net', zoneName: 'Mailspike WL', polarity: 'allow', severity: 'info', zoneWeight: 2, codes: ['127.0.0.18'] });
  const r = computeScore({ subjectType: 'ip', inputs: { ...noData, listings: { listings: [SPAMCOP, wl], zonesChecked: 3 } } });
  expect(r.score).toBe(73);
  expect(byName(r).listings.detail).toContain('Mailspike WL (192.0.2.10) info 127.0.0.18, zone weight 2: allow list, +1 points');
  const twoBig = [{ ...wl, zoneWeight: 10 }, { ...wl, zone: 'other.example', zoneWeight: 10 }];
  // 72 + min(5, 5 + 5) = 77; clean 100 + 10 capped at 100.
  expect(computeScore({ subjectType: 'ip', inputs: { ...noData, listings: { listings: [SPAMCOP, ...twoBig], zonesChecked: 3 } } }).score).toBe(77);
  expect(computeScore({ subjectType: 'ip', inputs: { ...noData, listings: { listings: twoBig, zonesChecked: 3 } } }).score).toBe(100);
});

test('a range listed on one zone at several addresses counts the zone once and says how many', () => {
  const range = listing({ target: '198.51.100.0/24', listedTargets: 3, zone: 'bl.spamcop.net', zoneName: 'SpamCop', severity: 'high', zoneWeight: 7 });
  const r = computeScore({ subjectType: 'ip', inputs: { ...noData, listings: { listings: [range], zonesChecked: 5 } } });
  expect(r.score).toBe(72);
  expect(byName(r).listings.detail).toBe('Listed on 1 block list (5 zones checked): SpamCop (3 addresses of 198.51.100.0/24) high 127.0.0.2, zone weight 7: −28 %.');
});

test('redistribution: missing placement data counts neither as perfect nor as zero', () => {
  // Listings 72 alone → 72. With inbox 100 on top: weights 40/65 and 25/65 → 72 × 0.6154 + 100 × 0.3846 = 44.31 + 38.46 = 82.8.
  const listed = { ...noData, listings: { listings: [SPAMCOP], zonesChecked: 4 } };
  expect(computeScore({ subjectType: 'ip', inputs: listed }).score).toBe(72);
  const r = computeScore({ subjectType: 'ip', inputs: { ...listed, placement: { inbox: 3, tab: 0, spam: 0, otherFolder: 0, missing: 0 } } });
  expect(r.factors.map((f) => [f.factor, f.weight, f.contribution])).toEqual([
    ['listings', 61.5, 44.3],
    ['inbox_rate', 38.5, 38.5],
    ['auth_pass_rate', 0, 0],
    ['smtp_acceptance', 0, 0],
  ]);
  expect(r.score).toBe(82.8);
});

test('rounding: contributions always sum exactly to the score', () => {
  // Thirds everywhere: inbox 1/3, auth 2/3, SMTP 1 − 0.5/3, weights 25/20/15 over 60.
  const r = computeScore({
    subjectType: 'server',
    inputs: {
      ...noData,
      placement: { inbox: 1, tab: 0, spam: 1, otherFolder: 0, missing: 1 },
      auth: { spf: { pass: 1, total: 1 }, dkim: { pass: 1, total: 1 }, dmarc: { pass: 0, total: 1 } },
      smtp: { accepted: 2, deferred: 1, throttled: 0, rejected: 0 },
    },
  });
  // inbox 33.33 × 41.67 % = 13.89; auth 66.67 × 33.33 % = 22.22; SMTP 83.33 × 25 % = 20.83 → 56.94 → 56.9.
  expect(r.factors.map((f) => f.contribution)).toEqual([0, 13.9, 22.2, 20.8]);
  expect(r.score).toBe(56.9);
  expect(sum(r)).toBe(r.score);
});

test('no data at all: nothing to rate', () => {
  expect(hasScoreData(noData)).toBe(false);
  expect(hasScoreData({ ...noData, listings: { listings: [], zonesChecked: 1 } })).toBe(true);
  const r = computeScore({ subjectType: 'domain', inputs: noData });
  expect(r.score).toBe(0);
  expect(r.factors.every((f) => f.weight === 0 && f.detail.endsWith('not given: no factor has data.'))).toBe(true);
});
