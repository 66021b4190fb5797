import { expect, test } from 'vitest';
import { parseAuthenticationResults } from '../../../lib/auth-results/parse-authentication-results.ts';

test('AUTH-01 Microsoft 365: no authserv-id, results first, compauth and action kept', () => {
  const value =
    'spf=pass (sender IP is 192.0.2.25) smtp.mailfrom=example.com; dkim=pass (signature was verified) header.d=example.com;dmarc=pass action=none header.from=example.com;compauth=pass reason=100';
  expect(parseAuthenticationResults(value)).toEqual({
    authservId: null,
    results: [
      { method: 'spf', result: 'pass', rawResult: 'pass', comment: 'sender IP is 192.0.2.25', properties: { 'smtp.mailfrom': 'example.com' } },
      { method: 'dkim', result: 'pass', rawResult: 'pass', comment: 'signature was verified', properties: { 'header.d': 'example.com' } },
      { method: 'dmarc', result: 'pass', rawResult: 'pass', properties: { action: 'none', 'header.from': 'example.com' } },
      { method: 'compauth', result: 'pass', rawResult: 'pass', reason: '100', properties: {} },
    ],
  });
});

test('AUTH-01 Microsoft 365: stray domain tokens between ";" are not methods; the first is kept as authserv-id', () => {
  const value =
    'spf=fail (sender IP is 192.0.2.26) smtp.mailfrom=bounce.example.net; receiving.example; dkim=pass (signature was verified) header.d=example.com;receiving.example; dmarc=bestguesspass action=none header.from=example.com;';
  const parsed = parseAuthenticationResults(value);
  expect(parsed.authservId).toBe('receiving.example');
  expect(parsed.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=fail', 'dkim=pass', 'dmarc=bestguesspass']);
  expect(parsed.results[0].properties).toEqual({ 'smtp.mailfrom': 'bounce.example.net' });
  // AUTH-12: Microsoft's value is kept as written, flagged, never turned into pass.
  expect(parsed.results[2]).toEqual({
    method: 'dmarc',
    result: 'bestguesspass',
    rawResult: 'bestguesspass',
    nonStandard: true,
    properties: { action: 'none', 'header.from': 'example.com' },
  });
});

test('AUTH-02 Yahoo: dkim_pass and success(p=REJECT) mapped to pass and flagged; properties before the method', () => {
  const value =
    'mta1000.mail.example.com; dkim=dkim_pass header.i=@example.com header.s=s1; spf=pass smtp.mailfrom=example.com; dmarc=success(p=REJECT) header.from=example.com;';
  expect(parseAuthenticationResults(value)).toEqual({
    authservId: 'mta1000.mail.example.com',
    results: [
      { method: 'dkim', result: 'pass', rawResult: 'dkim_pass', nonStandard: true, properties: { 'header.i': '@example.com', 'header.s': 's1' } },
      { method: 'spf', result: 'pass', rawResult: 'pass', properties: { 'smtp.mailfrom': 'example.com' } },
      { method: 'dmarc', result: 'pass', rawResult: 'success', nonStandard: true, comment: 'p=REJECT', properties: { 'header.from': 'example.com' } },
    ],
  });
  const reordered = parseAuthenticationResults(
    'mx.example.com; header.i=@example.com header.s=s1 dkim=pass (ok); header.i=@example.com header.s=s2 dkim=fail (bad signature)',
  );
  expect(reordered.results).toEqual([
    { method: 'dkim', result: 'pass', rawResult: 'pass', comment: 'ok', properties: { 'header.i': '@example.com', 'header.s': 's1' } },
    { method: 'dkim', result: 'fail', rawResult: 'fail', comment: 'bad signature', properties: { 'header.i': '@example.com', 'header.s': 's2' } },
  ]);
});

test('AUTH-03: ";" in a comment, ":" in a quoted reason, and two results of one method all survive', () => {
  const value =
    'mx.example.net; dkim=pass (1024-bit key; unprotected) header.d=example.com header.b=eKmreZ4p; dmarc=pass header.from=example.org; dkim=pass reason="Original-From: transformed" header.d=example.org';
  expect(parseAuthenticationResults(value)).toEqual({
    authservId: 'mx.example.net',
    results: [
      {
        method: 'dkim',
        result: 'pass',
        rawResult: 'pass',
        comment: '1024-bit key; unprotected',
        properties: { 'header.d': 'example.com', 'header.b': 'eKmreZ4p' },
      },
      { method: 'dmarc', result: 'pass', rawResult: 'pass', properties: { 'header.from': 'example.org' } },
      { method: 'dkim', result: 'pass', rawResult: 'pass', reason: 'Original-From: transformed', properties: { 'header.d': 'example.org' } },
    ],
  });
});

test('nested comments, quoted pairs, a version after the authserv-id, a method version and base64 padding', () => {
  const value =
    'mx.example.org 1; dkim/1=pass (good (really; yes) \\) sig) header.d=example.com header.b="ab/cd=="; iprev=pass policy.iprev=192.0.2.200 (mail.example.com)';
  expect(parseAuthenticationResults(value)).toEqual({
    authservId: 'mx.example.org',
    results: [
      {
        method: 'dkim',
        result: 'pass',
        rawResult: 'pass',
        comment: 'good (really; yes) ) sig',
        properties: { 'header.d': 'example.com', 'header.b': 'ab/cd==' },
      },
      { method: 'iprev', result: 'pass', rawResult: 'pass', comment: 'mail.example.com', properties: { 'policy.iprev': '192.0.2.200' } },
    ],
  });
  expect(parseAuthenticationResults('mx.example.org; dkim=pass header.b=Qm9vbQ==').results[0].properties['header.b']).toBe('Qm9vbQ==');
});

test('"none" (no results), an empty value and garbage give no results and do not throw', () => {
  expect(parseAuthenticationResults('mx.example.org; none')).toEqual({ authservId: 'mx.example.org', results: [] });
  expect(parseAuthenticationResults('')).toEqual({ authservId: null, results: [] });
  expect(parseAuthenticationResults('((( ; = ; "unterminated')).toEqual({ authservId: null, results: [] });
});

test('rspamd on the local MX (reference/mailstack.md §5): pass message', () => {
  const value =
    'mx.example.test; dkim=pass header.d=sender.test header.s=dkim header.b=mOnTz+QY; spf=pass (mx.example.test: domain of sender@sender.test designates 127.0.0.1 as permitted sender) smtp.mailfrom=sender@sender.test; dmarc=pass (policy=reject) header.from=sender.test';
  expect(parseAuthenticationResults(value)).toEqual({
    authservId: 'mx.example.test',
    results: [
      { method: 'dkim', result: 'pass', rawResult: 'pass', properties: { 'header.d': 'sender.test', 'header.s': 'dkim', 'header.b': 'mOnTz+QY' } },
      {
        method: 'spf',
        result: 'pass',
        rawResult: 'pass',
        comment: 'mx.example.test: domain of sender@sender.test designates 127.0.0.1 as permitted sender',
        properties: { 'smtp.mailfrom': 'sender@sender.test' },
      },
      { method: 'dmarc', result: 'pass', rawResult: 'pass', comment: 'policy=reject', properties: { 'header.from': 'sender.test' } },
    ],
  });
});

test('rspamd on the local MX: SPF-fail message with a quoted reason and a trailing comment', () => {
  const value =
    'mx.example.test; dkim=none; dmarc=fail reason="No valid SPF, No valid DKIM" header.from=spffail.test (policy=quarantine); spf=fail (mx.example.test: domain of bob@spffail.test does not designate 127.0.0.1 as permitted sender) smtp.mailfrom=bob@spffail.test';
  expect(parseAuthenticationResults(value)).toEqual({
    authservId: 'mx.example.test',
    results: [
      { method: 'dkim', result: 'none', rawResult: 'none', properties: {} },
      {
        method: 'dmarc',
        result: 'fail',
        rawResult: 'fail',
        reason: 'No valid SPF, No valid DKIM',
        comment: 'policy=quarantine',
        properties: { 'header.from': 'spffail.test' },
      },
      {
        method: 'spf',
        result: 'fail',
        rawResult: 'fail',
        comment: 'mx.example.test: domain of bob@spffail.test does not designate 127.0.0.1 as permitted sender',
        properties: { 'smtp.mailfrom': 'bob@spffail.test' },
      },
    ],
  });
});
