import { expect, test } from 'vitest';
import { egressIp } from '../../../lib/auth-results/egress-ip.ts';

const block = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

test('local stack (reference/mailstack.md §5): the LMTP hop is skipped, the MX hop gives the submission relay 127.0.0.1', () => {
  const headers = block([
    'Received: from mx.example.test ([127.0.0.1]) by mx.example.test with LMTP id GLgWBZc9DGtlNAAAg+zDdQ (envelope-from <sender@sender.test>) for <seed-junk@example.test>; Sun, 29 Nov 2026 14:58:31 +0000',
    'Authentication-Results: mx.example.test; spf=pass (mx.example.test: domain of sender@sender.test designates 127.0.0.1 as permitted sender) smtp.mailfrom=sender@sender.test',
    'Received: from smtp.sender.test (localhost [127.0.0.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) (No client certificate requested) by mx.example.test (Postfix) with ESMTPS id 4F1A for <seed-junk@example.test>; Sun, 29 Nov 2026 14:58:31 +0000',
    'Received: from client.sender.test (localhost [127.0.0.1]) by smtp.sender.test (Postfix) with ESMTPSA id 1A2B for <seed-junk@example.test>',
  ]);
  expect(egressIp({ headers })).toBe('127.0.0.1');
});

test('the same chain with routable addresses: the MX saw the relay, not the submitting client below it', () => {
  const headers = block([
    'Received: from mx.example.test ([127.0.0.1]) by mx.example.test with LMTP id x for <seed-junk@example.test>',
    'Received: from smtp.sender.test (smtp.sender.test [198.51.100.7]) by mx.example.test (Postfix) with ESMTPS id 4F1A',
    'Received: from client.sender.test (unknown [192.0.2.50]) by smtp.sender.test (Postfix) with ESMTPSA id 1A2B',
  ]);
  expect(egressIp({ headers })).toBe('198.51.100.7');
});

test('Gmail: internal "Received: by" hops have no address; the mx.google.com hop matches Received-SPF client-ip', () => {
  const headers = block([
    'Received: by 2002:a05:6a10:8e0d:b0:5b1:1234:5678 with SMTP id abc123; Sun, 29 Nov 2026 06:58:32 -0800 (PST)',
    'X-Received: by 2002:a17:90a:1234:: with SMTP id x; Sun, 29 Nov 2026 06:58:32 -0800 (PST)',
    'Received: from mail.sender.example (mail.sender.example. [198.51.100.7])',
    '        by mx.google.com with ESMTPS id x12si1234567qkj.99.2026.11.29.06.58.31',
    '        for <seed@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Sun, 29 Nov 2026 06:58:31 -0800 (PST)',
    'Received-SPF: pass (google.com: domain of bounce@sender.example designates 198.51.100.7 as permitted sender) client-ip=198.51.100.7;',
    'Authentication-Results: mx.google.com; spf=pass (google.com: domain of bounce@sender.example designates 198.51.100.7 as permitted sender) smtp.mailfrom=bounce@sender.example',
  ]);
  expect(egressIp({ headers })).toBe('198.51.100.7');
});

test('Microsoft 365: internal hops with public Microsoft IPv6 are passed over for the hop whose address the receiver recorded ("sender IP is")', () => {
  const headers = block([
    'Received: from SN6PR11MB1234.namprd11.prod.outlook.com (2603:10b6:805:a1::12) by MN2PR11MB5678.namprd11.prod.outlook.com with HTTPS; Sun, 29 Nov 2026 14:58:33 +0000',
    'Received: from BN9PR03CA0123.namprd03.prod.outlook.com (2603:10b6:408:fe::8) by SN6PR11MB1234.namprd11.prod.outlook.com (2603:10b6:805:a1::12) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1; Sun, 29 Nov 2026 14:58:32 +0000',
    'Authentication-Results: spf=pass (sender IP is 198.51.100.7) smtp.mailfrom=sender.example; dkim=pass (signature was verified) header.d=sender.example;dmarc=pass action=none header.from=sender.example;compauth=pass reason=100',
    'Received: from BN8NAM11FT012.eop-nam11.prod.protection.outlook.com (2603:10b6:408:fe:cafe::ab) by BN9PR03CA0123.outlook.office365.com (2603:10b6:408:fe::8) with Microsoft SMTP Server id 15.20.2; Sun, 29 Nov 2026 14:58:32 +0000',
    'Received: from mail.sender.example (198.51.100.7) by BN8NAM11FT012.mail.protection.outlook.com (10.13.176.98) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.3; Sun, 29 Nov 2026 14:58:31 +0000',
  ]);
  expect(egressIp({ headers })).toBe('198.51.100.7');
});

test('a receiver relaying internally over private addresses: the first hop from outside', () => {
  const headers = block([
    'Received: from mx-in.receiver.example ([10.1.2.3]) by store.receiver.example with ESMTP id a1',
    'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by mx-in.receiver.example with ESMTPS id b2',
    'Received: from forged.example ([203.0.113.66]) by mail.sender.example with ESMTP id c3',
  ]);
  expect(egressIp({ headers })).toBe('198.51.100.7');
});

test('Yahoo-style bare address after "from"', () => {
  const headers = block([
    'Received: from 198.51.100.7 (EHLO mail.sender.example) by 10.217.135.2 with SMTPs (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256); Sun, 29 Nov 2026 14:58:31 +0000',
  ]);
  expect(egressIp({ headers })).toBe('198.51.100.7');
});

test('BL-12: IPv4-mapped IPv6 is returned as IPv4; IPv6 in RFC 5952 form', () => {
  expect(egressIp({ headers: block(['Received: from mail.example ([IPv6:::ffff:192.0.2.10]) by mx.example.test with ESMTP id 1']) })).toBe('192.0.2.10');
  expect(egressIp({ headers: block(['Received: from mail.example (mail.example [IPv6:2001:DB8:0:0:0:0:0:25]) by mx.example.test with ESMTP id 1']) })).toBe('2001:db8::25');
});

test('no usable hop: null; only LMTP: null', () => {
  expect(egressIp({ headers: 'Subject: x\r\n\r\n' })).toBeNull();
  expect(egressIp({ headers: block(['Received: from mx.example.test ([127.0.0.1]) by mx.example.test with LMTP id 1']) })).toBeNull();
});
