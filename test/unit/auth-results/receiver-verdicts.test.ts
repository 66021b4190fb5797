import { expect, test } from 'vitest';
import { receiverVerdicts } from '../../../lib/auth-results/receiver-verdicts.ts';

// Header blocks of received copies on the local stack (reference/mailstack.md §5), abridged.
const RSPAMD_PASS = [
  'Return-Path: <sender@sender.test>',
  'Delivered-To: seed-junk@example.test',
  'Received: from mx.example.test ([127.0.0.1])',
  '\tby mx.example.test with LMTP id GLgWBZc9DGtlNAAAg+zDdQ',
  '\t(envelope-from <sender@sender.test>) for <seed-junk@example.test>; Sun, 29 Nov 2026 14:58:31 +0000',
  'Authentication-Results: mx.example.test;',
  '\tdkim=pass header.d=sender.test header.s=dkim header.b=mOnTz+QY;',
  '\tspf=pass (mx.example.test: domain of sender@sender.test designates 127.0.0.1 as permitted sender) smtp.mailfrom=sender@sender.test;',
  '\tdmarc=pass (policy=reject) header.from=sender.test',
  'X-Spam-Status: No, score=-0.90',
  'Received: from smtp.sender.test (localhost [127.0.0.1])',
  '\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))',
  '\t(No client certificate requested)',
  '\tby mx.example.test (Postfix) with ESMTPS id 4F1A2B3C4D',
  '\tfor <seed-junk@example.test>; Sun, 29 Nov 2026 14:58:31 +0000 (UTC)',
  'Received: from client.sender.test (localhost [127.0.0.1])',
  '\tby smtp.sender.test (Postfix) with ESMTPSA id 1A2B3C4D5E',
  '\tfor <seed-junk@example.test>; Sun, 29 Nov 2026 14:58:31 +0000 (UTC)',
  'From: Sender Test <sender@sender.test>',
  '',
  '',
].join('\r\n');

test('rspamd pass message: SPF with the mailfrom domain, the DKIM signature with domain and selector, DMARC with header.from', () => {
  expect(receiverVerdicts({ headers: RSPAMD_PASS })).toMatchObject({
    authservId: 'mx.example.test',
    spf: { result: 'pass', domain: 'sender.test' },
    dkim: [{ result: 'pass', domain: 'sender.test', selector: 'dkim' }],
    dmarc: { result: 'pass', domain: 'sender.test' },
  });
});

test('rspamd SPF-fail message: spf fail, dkim none, dmarc fail for the From domain', () => {
  const headers = [
    'Authentication-Results: mx.example.test; dkim=none; dmarc=fail reason="No valid SPF, No valid DKIM" header.from=spffail.test (policy=quarantine); spf=fail (mx.example.test: domain of bob@spffail.test does not designate 127.0.0.1 as permitted sender) smtp.mailfrom=bob@spffail.test',
    'X-Spamd-Result: default: False [4.00 / 50.00]; DMARC_POLICY_QUARANTINE(1.50)[spffail.test : No valid SPF, No valid DKIM,quarantine]',
    '',
  ].join('\r\n');
  const v = receiverVerdicts({ headers });
  expect(v.spf).toEqual({ result: 'fail', domain: 'spffail.test' });
  expect(v.dkim).toEqual([{ result: 'none' }]);
  expect(v.dmarc).toEqual({ result: 'fail', domain: 'spffail.test' });
});

test('only the topmost Authentication-Results counts: a forged one lower in the block is ignored', () => {
  const headers = [
    'Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=bob@spffail.test; dmarc=fail header.from=spffail.test',
    'Received: from evil.test ([203.0.113.9]) by mx.example.test with ESMTP',
    'Authentication-Results: evil.test; spf=pass smtp.mailfrom=spffail.test; dkim=pass header.d=spffail.test; dmarc=pass header.from=spffail.test',
    '',
  ].join('\r\n');
  const v = receiverVerdicts({ headers });
  expect(v.authservId).toBe('mx.example.test');
  expect(v.spf?.result).toBe('fail');
  expect(v.dkim).toEqual([]);
  expect(v.dmarc?.result).toBe('fail');
});

test('AUTH-12 Microsoft bestguesspass: dmarc none with the note, never pass; compauth kept among the results', () => {
  const headers =
    'Authentication-Results: spf=pass (sender IP is 192.0.2.25) smtp.mailfrom=amazonses.com; dkim=pass (signature was verified) header.d=amazonses.com;dmarc=bestguesspass action=none header.from=example.com;compauth=pass reason=109\r\n\r\n';
  const v = receiverVerdicts({ headers });
  expect(v.dmarc).toEqual({ result: 'none', domain: 'example.com', rawResult: 'bestguesspass', note: 'no DMARC record; Microsoft heuristic pass' });
  expect(v.spf).toEqual({ result: 'pass', domain: 'amazonses.com' });
  expect(v.authservId).toBeNull();
  expect(v.results.find((r) => r.method === 'compauth')).toMatchObject({ result: 'pass', reason: '109' });
});

test('AUTH-02 Yahoo: aliases read as pass with the value as written; DKIM domain from header.i', () => {
  const headers =
    'Authentication-Results: mta1000.mail.example.com; dkim=dkim_pass header.i=@example.com header.s=s1; spf=pass smtp.mailfrom=example.com; dmarc=success(p=REJECT) header.from=example.com;\r\n';
  const v = receiverVerdicts({ headers });
  expect(v.dkim).toEqual([{ result: 'pass', domain: 'example.com', selector: 's1', rawResult: 'dkim_pass' }]);
  expect(v.dmarc).toEqual({
    result: 'pass',
    domain: 'example.com',
    rawResult: 'success',
    note: 'non-standard result "success" as written by the receiver',
  });
});

test('AUTH-03: two DKIM signatures are both reported', () => {
  const headers =
    'Authentication-Results: mx.example.net; dkim=pass (1024-bit key; unprotected) header.d=example.com header.b=eKmreZ4p; dmarc=pass header.from=example.org; dkim=pass reason="Original-From: transformed" header.d=example.org\r\n';
  expect(receiverVerdicts({ headers }).dkim).toEqual([
    { result: 'pass', domain: 'example.com' },
    { result: 'pass', domain: 'example.org' },
  ]);
});

test('no Authentication-Results header: nothing to report', () => {
  expect(receiverVerdicts({ headers: 'Subject: x\r\n\r\n' })).toEqual({ spf: null, dkim: [], dmarc: null, authservId: null, results: [] });
});
