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

function publicRefusal(input: string): string {
  try {
    parseTarget(input, { publicOnly: true });
  } catch (err) {
    expect((err as AppError).code).toBe('invalid_input');
    return (err as AppError).message;
  }
  throw new Error(`parseTarget accepted ${input} as a public address`);
}

test('monitored assets (publicOnly) refuse addresses that never send publicly, saying why', () => {
  expect(publicRefusal('10.0.0.1')).toBe('blocklists list public sending addresses; 10.0.0.1 is a private address (RFC 1918)');
  expect(publicRefusal('172.16.4.1')).toContain('private address (RFC 1918)');
  expect(publicRefusal('192.168.1.1')).toContain('private address (RFC 1918)');
  expect(publicRefusal('127.0.0.1')).toContain('127.0.0.1 is a loopback address');
  expect(publicRefusal('::ffff:127.0.0.1')).toContain('127.0.0.1 is a loopback address');
  expect(publicRefusal('0.0.0.0')).toContain('unspecified');
  expect(publicRefusal('100.64.3.4')).toContain('carrier-grade NAT');
  expect(publicRefusal('169.254.0.9')).toContain('link-local');
  expect(publicRefusal('224.0.0.1')).toContain('multicast');
  expect(publicRefusal('255.255.255.255')).toContain('the broadcast address');
  expect(publicRefusal('::1')).toContain('loopback');
  expect(publicRefusal('::')).toContain('unspecified');
  expect(publicRefusal('fe80::1')).toContain('link-local');
  expect(publicRefusal('fd12:3456::1')).toContain('unique local (private) address (RFC 4193, fc00::/7)');
  expect(publicRefusal('ff02::1')).toContain('multicast');
});

test('ranges inside or holding non-public space are refused too', () => {
  expect(publicRefusal('10.1.0.0/16')).toBe(
    'blocklists list public sending addresses; 10.1.0.0/16 lies in 10.0.0.0/8: every address in it is a private address (RFC 1918)',
  );
  expect(publicRefusal('100.64.0.0/24')).toContain('carrier-grade NAT');
  expect(publicRefusal('255.255.0.0/16')).toContain('includes 255.255.255.255, the broadcast address');
});

test('documentation and public addresses stay accepted as assets; the CLI (no option) may query test points', () => {
  for (const v of ['192.0.2.1', '198.51.100.0/24', '203.0.113.7', '2001:db8::25', '8.8.8.8', '2a00:1450::1', 'example.com']) {
    expect(() => parseTarget(v, { publicOnly: true }), v).not.toThrow();
  }
  expect(parseTarget('127.0.0.2')).toEqual({ kind: 'ip', family: 4, value: '127.0.0.2' });
  expect(parseTarget('::ffff:7f00:2')).toEqual({ kind: 'ip', family: 4, value: '127.0.0.2' });
});

test('a punycode label that does not decode is refused; a valid one is kept with its Unicode form', () => {
  const bad = refusal('xn--zz.example');
  expect(bad.code).toBe('invalid_input');
  expect(bad.message).toContain('xn--zz.example is not valid punycode');
  expect(parseTarget('xn--bcher-kva.example')).toEqual({ kind: 'domain', value: 'xn--bcher-kva.example', display: 'bücher.example' });
});
