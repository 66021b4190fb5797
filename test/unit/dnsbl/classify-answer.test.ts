import { expect, test } from 'vitest';
import { classifyAnswer, findCode, OUTSIDE_LOOPBACK_DETAIL } from '../../../lib/dnsbl/classify-answer.ts';
import { findCatalogZone, loadCatalog } from '../../../lib/dnsbl/zone-catalog.ts';
import { codeBounds, intToIPv4 } from '../../../lib/dnsbl/parse-ip.ts';
import type { DnsOutcome, ZoneDefinition } from '../../../lib/dnsbl/types.ts';

function zone(name: string): ZoneDefinition {
  const found = findCatalogZone(name);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found;
}
const answer = (...addresses: string[]): DnsOutcome => ({ kind: 'answer', addresses });
const classify = (name: string, ...addresses: string[]) => classifyAnswer({ zone: zone(name), outcome: answer(...addresses) });

/** First, middle and last address of a code or range. */
function samples(code: string): string[] {
  const bounds = codeBounds(code);
  if (!bounds) throw new Error(`bad code ${code}`);
  return [...new Set([bounds.start, Math.floor((bounds.start + bounds.end) / 2), bounds.end])].map(intToIPv4);
}

const SPAMHAUS_ERRORS: Record<string, string> = {
  '127.255.255.252': 'Query blocked: typing error in the DNSBL zone name',
  '127.255.255.254':
    'Query blocked: the query came through a public or open resolver; use your own recursive resolver or a DQS key',
  '127.255.255.255': 'Query blocked: excessive number of queries (over the free-use limit)',
};

test('BL-01: Spamhaus 127.255.255.252/254/255 on ZEN are query_blocked errors, not listings', () => {
  for (const [code, meaning] of Object.entries(SPAMHAUS_ERRORS)) {
    expect(classify('zen.spamhaus.org', code)).toEqual({
      verdict: 'error',
      reason: 'query_blocked',
      codes: [code],
      meanings: [meaning],
      detail: `zen.spamhaus.org answered the operator error code ${code}`,
    });
  }
});

test('BL-01, whole kind: every code of 127.255.255.0/24 on every Spamhaus zone is query_blocked', () => {
  const spamhaus = loadCatalog().filter((z) => z.operator.startsWith('Spamhaus'));
  expect(spamhaus.length).toBeGreaterThanOrEqual(12);
  for (const z of spamhaus) {
    for (let last = 0; last <= 255; last += 1) {
      const code = `127.255.255.${last}`;
      const result = classifyAnswer({ zone: z, outcome: answer(code) });
      expect(result.verdict, `${z.zone} ${code}`).toBe('error');
      expect(result.reason, `${z.zone} ${code}`).toBe('query_blocked');
      expect(result.codes).toEqual([code]);
      if (SPAMHAUS_ERRORS[code]) expect(result.meanings).toEqual([SPAMHAUS_ERRORS[code]]);
    }
  }
});

test('BL-02: the same error table applies to IP and domain zones alike', () => {
  const ip = classify('zen.spamhaus.org', '127.255.255.254');
  const domain = classify('dbl.spamhaus.org', '127.255.255.254');
  expect(domain.verdict).toBe('error');
  expect(domain.reason).toBe('query_blocked');
  expect(domain.meanings).toEqual(ip.meanings);
  const listedPlusError = classify('zen.spamhaus.org', '127.0.0.2', '127.255.255.255');
  expect(listedPlusError.verdict).toBe('error');
  expect(listedPlusError.reason).toBe('query_blocked');
  expect(listedPlusError.codes).toEqual(['127.255.255.255']);
  expect(listedPlusError.detail).toContain('also answered 127.0.0.2, not counted as a listing');
});

test('BL-05: DBL 127.0.1.255 and ZRD 127.0.2.255 mean "IP queries prohibited", not listed', () => {
  const dbl = classify('dbl.spamhaus.org', '127.0.1.255');
  expect(dbl.verdict).toBe('error');
  expect(dbl.reason).toBe('query_blocked');
  expect(dbl.meanings[0]).toContain('IP queries prohibited');
  const zrd = classify('zrd.dq.spamhaus.net', '127.0.2.255');
  expect(zrd.reason).toBe('query_blocked');
  expect(zrd.meanings[0]).toContain('IP queries prohibited');
});

test('BL-05: allow-style codes stay info, never a block (hostkarma NOBL 127.0.0.5, DNSWL)', () => {
  expect(classify('hostkarma.junkemailfilter.com', '127.0.0.5')).toEqual({
    verdict: 'listed',
    codes: ['127.0.0.5'],
    meanings: ['Hostkarma NOBL: not to be blocked (an allow code, not a block)'],
    severity: 'info',
  });
  expect(classify('list.dnswl.org', '127.0.5.2')).toEqual({
    verdict: 'listed',
    codes: ['127.0.5.2'],
    meanings: ['DNSWL service or network provider, trust medium'],
    severity: 'info',
  });
});

test('BL-06: a dead zone answering with a parking address outside 127/8 is invalid_answer', () => {
  const result = classify('bl.spamcannibal.org', '91.195.240.117');
  expect(result.verdict).toBe('error');
  expect(result.reason).toBe('invalid_answer');
  expect(result.detail).toBe(OUTSIDE_LOOPBACK_DETAIL);
  expect(zone('bl.spamcannibal.org').status).toBe('wildcard');
  expect(zone('dnsbl.ahbl.org').status).toBe('wildcard');
});

test('BL-08: answers outside 127.0.0.0/8 mean the resolver rewrites answers', () => {
  for (const rewritten of ['0.0.0.0', '203.0.113.80', '192.0.2.53', '128.0.0.1', '126.255.255.255']) {
    expect(classify('zen.spamhaus.org', rewritten)).toEqual({
      verdict: 'error',
      reason: 'invalid_answer',
      codes: [rewritten],
      meanings: ['outside 127.0.0.0/8: not a DNSBL return code'],
      detail: 'answer outside 127.0.0.0/8: the resolver rewrites answers',
    });
  }
  const mixed = classify('bl.spamcop.net', '127.0.0.2', '0.0.0.0');
  expect(mixed.verdict).toBe('error');
  expect(mixed.reason).toBe('invalid_answer');
  expect(mixed.codes).toEqual(['0.0.0.0']);
});

test('DNS-01: every DNS outcome kind has its own classification, none of the failures is clean', () => {
  const spamcop = zone('bl.spamcop.net');
  const c = (outcome: DnsOutcome) => classifyAnswer({ zone: spamcop, outcome });
  expect(c({ kind: 'nxdomain' })).toEqual({ verdict: 'not_listed', codes: [], meanings: [] });
  expect(c({ kind: 'nodata' })).toEqual({ verdict: 'not_listed', codes: [], meanings: [] });
  expect(c({ kind: 'answer', addresses: [] })).toEqual({ verdict: 'not_listed', codes: [], meanings: [] });
  expect(c({ kind: 'servfail' })).toMatchObject({ verdict: 'error', reason: 'servfail', codes: [], meanings: [] });
  expect(c({ kind: 'refused' })).toMatchObject({ verdict: 'error', reason: 'refused', codes: [], meanings: [] });
  expect(c({ kind: 'timeout' })).toMatchObject({ verdict: 'error', reason: 'timeout', codes: [], meanings: [] });
  expect(c({ kind: 'other', rcode: 'NOTIMP' })).toEqual({
    verdict: 'error',
    reason: 'servfail',
    codes: [],
    meanings: [],
    detail: 'the resolver answered NOTIMP',
  });
  expect(c(answer('127.0.0.2'))).toEqual({
    verdict: 'listed',
    codes: ['127.0.0.2'],
    meanings: ['Listed on SpamCop: reported as a spam source by SpamCop users'],
    severity: 'high',
  });
});

test('ZEN answering 127.0.0.2, .4 and .10 at once is listed with all three meanings in code order', () => {
  expect(classify('zen.spamhaus.org', '127.0.0.10', '127.0.0.2', '127.0.0.4', '127.0.0.2')).toEqual({
    verdict: 'listed',
    codes: ['127.0.0.2', '127.0.0.4', '127.0.0.10'],
    meanings: [
      'Spamhaus SBL: verified spam source or spam operation',
      'Spamhaus XBL (CBL data): exploited or infected host (bot, proxy, malware)',
      'Spamhaus PBL (ISP-maintained): end-user range that should not send mail directly to the internet',
    ],
    severity: 'critical',
  });
});

test('a 127/8 code the zone does not define is invalid_answer naming the code; next to a known one it is named in detail', () => {
  expect(classify('zen.spamhaus.org', '127.0.0.8')).toEqual({
    verdict: 'error',
    reason: 'invalid_answer',
    codes: ['127.0.0.8'],
    meanings: ['return code not defined by zen.spamhaus.org'],
    detail: 'code 127.0.0.8 is not defined by zen.spamhaus.org',
  });
  const mixed = classify('zen.spamhaus.org', '127.0.0.2', '127.0.0.8');
  expect(mixed.verdict).toBe('listed');
  expect(mixed.codes).toEqual(['127.0.0.2']);
  expect(mixed.detail).toBe('also answered 127.0.0.8, not defined by zen.spamhaus.org');
  expect(classify('bl.spamcop.net', '127.0.0.1').reason).toBe('invalid_answer');
});

test('URIBL bitmask: bit 1 is blocked, 2/4/8 are black/grey/red; test.uribl.com answers 14', () => {
  expect(classify('multi.uribl.com', '127.0.0.14')).toEqual({
    verdict: 'listed',
    codes: ['127.0.0.14'],
    meanings: [
      'URIBL black: domain found in spam; URIBL grey: domain of a grey-hat bulk sender; URIBL red: domain recently seen in spam',
    ],
    severity: 'high',
  });
  for (const blocked of ['127.0.0.1', '127.0.0.3', '127.0.0.15']) {
    const result = classify('multi.uribl.com', blocked);
    expect(result.verdict).toBe('error');
    expect(result.reason).toBe('query_blocked');
    expect(result.meanings[0]).toContain('refused by URIBL');
  }
  expect(classify('black.uribl.com', '127.0.0.1').reason).toBe('query_blocked');
  const extraBit = classify('multi.uribl.com', '127.0.0.18');
  expect(extraBit.verdict).toBe('listed');
  expect(extraBit.meanings).toEqual(['URIBL black: domain found in spam']);
  expect(extraBit.detail).toContain('undefined bit 16');
  expect(classify('multi.uribl.com', '127.0.0.16').reason).toBe('invalid_answer');
  expect(classify('multi.uribl.com', '127.0.1.2').reason).toBe('invalid_answer');
});

test('SURBL bitmask: bit 1 is blocked; the test entry answers 127.0.0.254 or .126 and is listed', () => {
  expect(classify('multi.surbl.org', '127.0.0.1').reason).toBe('query_blocked');
  for (const code of ['127.0.0.254', '127.0.0.126']) {
    const result = classify('multi.surbl.org', code);
    expect(result.verdict).toBe('listed');
    expect(result.meanings[0]).toContain('SURBL PH: phishing');
    expect(result.detail).toBeUndefined();
  }
  expect(classify('multi.surbl.org', '127.0.0.8')).toEqual({
    verdict: 'listed',
    codes: ['127.0.0.8'],
    meanings: ['SURBL PH: phishing'],
    severity: 'critical',
  });
  expect(classify('multi.surbl.org', '127.0.0.0').reason).toBe('invalid_answer');
});

test('DNSWL: 127.0.0.255 and the 127.0.10.x poison answers are query_blocked; 127.0.10.0 (test entries) is listed', () => {
  expect(classify('list.dnswl.org', '127.0.0.255').reason).toBe('query_blocked');
  for (const poison of ['127.0.10.1', '127.0.10.2', '127.0.10.3']) {
    expect(classify('list.dnswl.org', poison).reason).toBe('query_blocked');
    expect(classify('dwl.dnswl.org', poison).reason).toBe('query_blocked');
  }
  expect(classify('list.dnswl.org', '127.0.10.0')).toMatchObject({ verdict: 'listed', severity: 'info' });
  expect(classify('list.dnswl.org', '127.0.16.1').reason).toBe('invalid_answer');
});

test('Validity: 127.255.255.255 is blocked; RPBL flags decompose into bits, 127.0.0.1 (BOT) included', () => {
  expect(classify('bl.score.senderscore.com', '127.255.255.255').reason).toBe('query_blocked');
  expect(classify('score.senderscore.com', '127.255.255.255').reason).toBe('query_blocked');
  expect(classify('bl.score.senderscore.com', '127.0.0.1')).toMatchObject({ verdict: 'listed', meanings: ['Validity RPBL flag BOT'] });
  expect(classify('bl.score.senderscore.com', '127.0.0.26').meanings).toEqual([
    'Validity RPBL flag NA; Validity RPBL flag SUS_ATT; Validity RPBL flag SCORE',
  ]);
  expect(classify('score.senderscore.com', '127.0.4.95')).toMatchObject({ verdict: 'listed', severity: 'info' });
});

test('every zone: each documented error code classifies as query_blocked with its meaning', () => {
  let checked = 0;
  for (const z of loadCatalog()) {
    for (const entry of z.errorCodes) {
      for (const code of samples(entry.code)) {
        const result = classifyAnswer({ zone: z, outcome: answer(code) });
        expect(result, `${z.zone} ${code}`).toMatchObject({ verdict: 'error', reason: 'query_blocked', codes: [code], meanings: [entry.meaning] });
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
});

test('every zone: each documented listing code and bit classifies as listed with its meaning and severity', () => {
  let checked = 0;
  for (const z of loadCatalog()) {
    for (const entry of z.returnCodes) {
      for (const code of samples(entry.code)) {
        const result = classifyAnswer({ zone: z, outcome: answer(code) });
        expect(result, `${z.zone} ${code}`).toEqual({ verdict: 'listed', codes: [code], meanings: [entry.meaning], severity: entry.severity });
        checked += 1;
      }
    }
    for (const entry of z.returnBits ?? []) {
      const code = `127.0.0.${entry.bit}`;
      const result = classifyAnswer({ zone: z, outcome: answer(code) });
      expect(result, `${z.zone} ${code}`).toEqual({ verdict: 'listed', codes: [code], meanings: [entry.meaning], severity: entry.severity });
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(300);
});

test('every zone: an undefined 127/8 code is invalid_answer, and an allow-list hit is never above info', () => {
  const candidates = ['127.0.0.0', '127.1.2.3', '127.0.3.7', '127.200.0.1', '127.0.0.254'];
  let checked = 0;
  for (const z of loadCatalog()) {
    const table = [...z.returnCodes, ...z.errorCodes];
    const undefinedCode = candidates.find(
      (code) => !findCode({ table, address: code }) && !(z.returnBits && code.startsWith('127.0.0.') && code !== '127.0.0.0'),
    );
    if (undefinedCode) {
      const result = classifyAnswer({ zone: z, outcome: answer(undefinedCode) });
      expect(result, `${z.zone} ${undefinedCode}`).toMatchObject({ verdict: 'error', reason: 'invalid_answer', codes: [undefinedCode] });
      expect(result.detail).toBe(`code ${undefinedCode} is not defined by ${z.zone}`);
      checked += 1;
    }
    if (z.polarity === 'allow') {
      for (const code of z.returnCodes.flatMap((entry) => samples(entry.code))) {
        expect(classifyAnswer({ zone: z, outcome: answer(code) }).severity).toBe('info');
      }
    }
  }
  expect(checked).toBeGreaterThan(140);
});
