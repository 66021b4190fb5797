import { expect, test } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { parseTarget } from '../../../lib/dnsbl/parse-target.ts';

function refusal(input: string): { code: string; message: string } {
  try {
    parseTarget(input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return { code: (err as AppError).code, message: (err as AppError).message };
  }
  throw new Error(`parseTarget accepted ${input}`);
}

test('IPv4 addresses are kept as four canonical decimal octets', () => {
  expect(parseTarget(' 192.0.2.10 ')).toEqual({ kind: 'ip', family: 4, value: '192.0.2.10' });
  expect(parseTarget('0.0.0.0')).toEqual({ kind: 'ip', family: 4, value: '0.0.0.0' });
  expect(parseTarget('255.255.255.255')).toEqual({ kind: 'ip', family: 4, value: '255.255.255.255' });
});

test('the invalid inputs of issue 2 are refused with a message saying what is wrong', () => {
  const leadingZero = refusal('192.0.2.010');
  expect(leadingZero.code).toBe('invalid_input');
  expect(leadingZero.message).toContain('leading zero in "010"');
  expect(leadingZero.message).toContain('192.0.2.10');

  const outOfRange = refusal('300.1.1.1');
  expect(outOfRange.code).toBe('invalid_input');
  expect(outOfRange.message).toContain('300');
  expect(outOfRange.message).toContain('0–255');

  const tripleColon = refusal('2001:db8:::1');
  expect(tripleColon.code).toBe('invalid_input');
  expect(tripleColon.message).toContain('not a valid IPv6 address');

  const space = refusal('exa mple.com');
  expect(space.code).toBe('invalid_input');
  expect(space.message).toContain('contains a space');

  const prefix33 = refusal('198.51.100.0/33');
  expect(prefix33.code).toBe('invalid_input');
  expect(prefix33.message).toContain('/33');
  expect(prefix33.message).toContain('0 to 32');

  const slash8 = refusal('10.0.0.0/8');
  expect(slash8.code).toBe('range_too_large');
  expect(slash8.message).toContain('/16 (65,536 addresses)');
  expect(slash8.message).toContain('16,777,216');
});

test('every IPv4 octet count other than four is refused, and so are non-decimal forms', () => {
  for (const input of ['1.2.3', '1.2.3.4.5', '192.0.2.', '192..0.2']) {
    expect(refusal(input).code).toBe('invalid_input');
  }
  expect(refusal('1.2.3').message).toContain('has 3 parts');
  expect(refusal('192.0.2.00').message).toContain('leading zero');
  expect(refusal('256.0.0.1').message).toContain('256');
});

test('IPv6 addresses are stored in RFC 5952 form', () => {
  expect(parseTarget('2001:DB8:0:0:1:0:0:1')).toEqual({ kind: 'ip', family: 6, value: '2001:db8::1:0:0:1' });
  expect(parseTarget('2001:0db8:0000:0000:0000:0000:0000:0025')).toEqual({ kind: 'ip', family: 6, value: '2001:db8::25' });
  expect(parseTarget('::2')).toEqual({ kind: 'ip', family: 6, value: '::2' });
  expect(refusal('fe80::1%eth0').message).toContain('zone index');
  expect(refusal('2001:db8::1::2').code).toBe('invalid_input');
  expect(refusal('2001:db8::g').code).toBe('invalid_input');
});

test('BL-12: IPv4-mapped and IPv4-compatible IPv6 addresses become the plain IPv4 target', () => {
  expect(parseTarget('::ffff:192.0.2.10')).toEqual({ kind: 'ip', family: 4, value: '192.0.2.10' });
  expect(parseTarget('::FFFF:c000:20a')).toEqual({ kind: 'ip', family: 4, value: '192.0.2.10' });
  expect(parseTarget('0:0:0:0:0:ffff:192.0.2.10')).toEqual({ kind: 'ip', family: 4, value: '192.0.2.10' });
  expect(parseTarget('::192.0.2.128')).toEqual({ kind: 'ip', family: 4, value: '192.0.2.128' });
  expect(refusal('::ffff:192.0.2.010').message).toContain('leading zero');
});

test('IPv4 CIDR ranges: network-aligned /16 to /31 are ranges, /32 is one address', () => {
  expect(parseTarget('198.51.100.0/24')).toEqual({
    kind: 'range',
    family: 4,
    value: '198.51.100.0/24',
    network: '198.51.100.0',
    prefix: 24,
    size: 256,
  });
  expect(parseTarget('10.1.0.0/16')).toMatchObject({ kind: 'range', prefix: 16, size: 65536 });
  expect(parseTarget('192.0.2.4/31')).toMatchObject({ kind: 'range', prefix: 31, size: 2 });
  expect(parseTarget('192.0.2.1/32')).toEqual({ kind: 'ip', family: 4, value: '192.0.2.1' });
});

test('a CIDR that is not network-aligned names the aligned network', () => {
  const { code, message } = refusal('198.51.100.7/24');
  expect(code).toBe('invalid_input');
  expect(message).toContain('not a network address');
  expect(message).toContain('198.51.100.0/24');
});

test('every prefix from /0 to /15 is range_too_large with the /16 limit in the message', () => {
  for (let prefix = 0; prefix <= 15; prefix += 1) {
    const { code, message } = refusal(`0.0.0.0/${prefix}`);
    expect(code).toBe('range_too_large');
    expect(message).toContain('/16 (65,536 addresses)');
  }
});

test('malformed prefixes and IPv6 ranges are refused with the reason', () => {
  expect(refusal('192.0.2.0/').message).toContain('invalid prefix');
  expect(refusal('192.0.2.0/024').message).toContain('invalid prefix');
  expect(refusal('300.0.2.0/24').message).toContain('300');
  const ipv6 = refusal('2001:db8:5::/64');
  expect(ipv6.code).toBe('invalid_input');
  expect(ipv6.message).toContain('IPv6 ranges cannot be checked');
  expect(ipv6.message).toContain('Add the IPv6 addresses you actually send from');
});

test('domains are lower-case punycode without the trailing dot, displayed in Unicode (BL-14)', () => {
  expect(parseTarget('Example.COM.')).toEqual({ kind: 'domain', value: 'example.com', display: 'example.com' });
  expect(parseTarget('hę.pl')).toEqual({ kind: 'domain', value: 'xn--h-1ia.pl', display: 'hę.pl' });
  expect(parseTarget('Bücher.example')).toEqual({ kind: 'domain', value: 'xn--bcher-kva.example', display: 'bücher.example' });
  expect(parseTarget('mail.sub.example.org')).toMatchObject({ value: 'mail.sub.example.org' });
});

test('URLs, e-mail addresses and malformed domains are refused with what to give instead', () => {
  expect(refusal('http://example.com/path').message).toContain('give the domain, not a URL');
  expect(refusal('https://example.com').message).toContain('give the domain, not a URL');
  const email = refusal('postmaster@example.com');
  expect(email.message).toContain('give the domain part');
  expect(email.message).toContain('example.com');
  expect(refusal('localhost').message).toContain('not a full domain name');
  expect(refusal('example.123').message).toContain('all-numeric');
  expect(refusal('example..com').message).toContain('empty label');
  expect(refusal('-bad.example.com').message).toContain('"-bad"');
  expect(refusal('under_score.example').message).toContain('"under_score"');
  expect(refusal(`${'a'.repeat(64)}.example`).message).toContain('longer than 63');
  expect(refusal(`${'abcdefghi.'.repeat(26)}com`).message).toContain('at most 253');
  expect(refusal('192.0.2.1:25').message).toContain('without ":port"');
  expect(refusal('   ').message).toContain('empty');
});
