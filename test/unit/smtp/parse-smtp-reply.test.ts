import { expect, test } from 'vitest';
import { parseSmtpReply } from '../../../lib/smtp/parse-smtp-reply.ts';

// SMTP-06: enhanced status codes come in unexpected shapes.
test.each([
  ['452 #4.5.3 Too many recipients', 452, '4.5.3', 'Too many recipients'],
  ['550 #5.1.0 Address rejected.', 550, '5.1.0', 'Address rejected.'],
  ['550 5.1.6 recipient no longer on server', 550, '5.1.6', 'recipient no longer on server'],
  ['452 temporary domain failure', 452, null, 'temporary domain failure'],
  ['421 Max message per connection reached', 421, null, 'Max message per connection reached'],
  ['250 2.0.0 Ok: queued as 4A1B2C3D', 250, '2.0.0', 'Ok: queued as 4A1B2C3D'],
  ['250 OK: message queued', 250, null, 'OK: message queued'],
  ['554 Too many nonmail commands', 554, null, 'Too many nonmail commands'],
  ['550', 550, null, ''],
  ['535 5.7.8 Error: authentication failed: (reason unavailable)', 535, '5.7.8', 'Error: authentication failed: (reason unavailable)'],
])('%s → code %s, enhanced %s', (raw, code, enhancedCode, text) => {
  expect(parseSmtpReply(raw)).toEqual({ code, enhancedCode, text });
});

test('a nested reply keeps the outermost codes and the inner reply in the text (Proofpoint 421 around a 450)', () => {
  const r = parseSmtpReply('421 4.1.1 <seed@example.net>: Recipient address rejected: mx.example.net said: 450 4.1.1 unverified');
  expect(r.code).toBe(421);
  expect(r.enhancedCode).toBe('4.1.1');
  expect(r.text).toBe('<seed@example.net>: Recipient address rejected: mx.example.net said: 450 4.1.1 unverified');
});

test('multi-line replies are joined, the repeated enhanced code dropped from each line (Gmail 550-5.7.1)', () => {
  const raw =
    "550-5.7.1 [192.0.2.7] Our system has detected that this message is\r\n550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\r\n550 5.7.1 this message has been blocked. - gsmtp";
  expect(parseSmtpReply(raw)).toEqual({
    code: 550,
    enhancedCode: '5.7.1',
    text: '[192.0.2.7] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
  });
});

test('a "#" code on the continuation lines too, and LF-only line ends', () => {
  expect(parseSmtpReply('452-#4.5.3 Too many\n452 #4.5.3 recipients')).toEqual({ code: 452, enhancedCode: '4.5.3', text: 'Too many recipients' });
});

test('text with no basic code still yields its enhanced code; empty or garbage input does not throw', () => {
  expect(parseSmtpReply('4.7.1 Greylisted, please try again later')).toEqual({ code: null, enhancedCode: '4.7.1', text: 'Greylisted, please try again later' });
  expect(parseSmtpReply('')).toEqual({ code: null, enhancedCode: null, text: '' });
  expect(parseSmtpReply('Throttling failure: Maximum sending rate exceeded')).toEqual({
    code: null,
    enhancedCode: null,
    text: 'Throttling failure: Maximum sending rate exceeded',
  });
});

test('a version-number-like token that is not an enhanced code stays in the text', () => {
  expect(parseSmtpReply('220 mx.example.net ESMTP Postfix 3.7.11')).toEqual({ code: 220, enhancedCode: null, text: 'mx.example.net ESMTP Postfix 3.7.11' });
  expect(parseSmtpReply('550 5.7.1.2 odd')).toEqual({ code: 550, enhancedCode: null, text: '5.7.1.2 odd' });
});
