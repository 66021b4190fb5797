import { expect, test } from 'vitest';
import { findCatalogZone, loadCatalog, ZZoneDefinition } from '../../../lib/dnsbl/zone-catalog.ts';
import { findCode } from '../../../lib/dnsbl/classify-answer.ts';
import type { ZoneDefinition } from '../../../lib/dnsbl/types.ts';

const catalog = loadCatalog();
const byName = (name: string): ZoneDefinition => {
  const found = findCatalogZone(name);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found;
};
const statusCount = (status: ZoneDefinition['status']) => catalog.filter((z) => z.status === status).length;

test('the catalog loads once, validated, with at least 40 active zones of both IP and domain kinds', () => {
  expect(loadCatalog()).toBe(catalog);
  expect(catalog).toHaveLength(149);
  expect(statusCount('active')).toBe(72);
  expect(statusCount('keyed')).toBe(7);
  expect(statusCount('registration')).toBe(6);
  expect(statusCount('retired')).toBe(56);
  expect(statusCount('wildcard')).toBe(8);
  const active = catalog.filter((z) => z.status === 'active');
  expect(active.filter((z) => z.keyTypes.includes('ip4')).length).toBeGreaterThanOrEqual(40);
  expect(active.filter((z) => z.keyTypes.includes('domain')).length).toBeGreaterThanOrEqual(15);
  expect(active.filter((z) => z.keyTypes.includes('ip6')).length).toBeGreaterThanOrEqual(8);
  expect(new Set(catalog.map((z) => z.zone)).size).toBe(catalog.length);
});

test('the zones the issue names are present with their status', () => {
  const expected: Record<string, ZoneDefinition['status']> = {
    'zen.spamhaus.org': 'active', 'sbl.spamhaus.org': 'active', 'xbl.spamhaus.org': 'active', 'pbl.spamhaus.org': 'active',
    'dbl.spamhaus.org': 'active', 'bl.spamcop.net': 'active', 'bl.mailspike.net': 'active', 'z.mailspike.net': 'active',
    'rep.mailspike.net': 'active', 'psbl.surriel.com': 'active', 'dnsbl-1.uceprotect.net': 'active',
    'dnsbl-2.uceprotect.net': 'active', 'dnsbl-3.uceprotect.net': 'active', 'ips.backscatterer.org': 'active',
    'bl.spameatingmonkey.net': 'active', 'bl.ipv6.spameatingmonkey.net': 'active', 'uribl.spameatingmonkey.net': 'active',
    'urired.spameatingmonkey.net': 'active', 'fresh15.spameatingmonkey.net': 'active', 'bl.blocklist.de': 'active',
    'bip.virusfree.cz': 'active', 'bad.virusfree.cz': 'active', 'truncate.gbudb.net': 'active', 'dnsbl.justspam.org': 'active',
    'hostkarma.junkemailfilter.com': 'active', 'all.spamrats.com': 'active', 'auth.spamrats.com': 'active',
    'dnsbl.dronebl.org': 'active', 'rbl.efnetrbl.org': 'active', 'torexit.dan.me.uk': 'active', 'all.s5h.net': 'active',
    'rbl.interserver.net': 'active', 'bl.nordspam.com': 'active', 'dbl.nordspam.com': 'active', 'dnsbl.spfbl.net': 'active',
    'ubl.unsubscore.com': 'active', 'bl.0spam.org': 'active', 'dbl.0spam.org': 'active', 'spamrbl.swinog.ch': 'active',
    'dnsrbl.swinog.ch': 'active', 'rbl.abuse.ro': 'active', 'uribl.abuse.ro': 'active', 'dnsblchile.org': 'active',
    'black.dnsbl.brukalai.lt': 'active', 'multi.surbl.org': 'active', 'multi.uribl.com': 'active', 'dbl.suomispam.net': 'active',
    'list.dnswl.org': 'active', 'dwl.dnswl.org': 'active',
    'b.barracudacentral.org': 'registration', 'bl.score.senderscore.com': 'registration', 'score.senderscore.com': 'registration',
    'combined.mail.abusix.zone': 'keyed', 'zrd.dq.spamhaus.net': 'keyed', 'authbl.dq.spamhaus.net': 'keyed',
    'dnsbl.sorbs.net': 'retired', 'ix.dnsbl.manitu.net': 'retired', 'dnsbl.njabl.org': 'wildcard', 'dnsbl.ahbl.org': 'wildcard',
    'dnsbl.cyberlogic.net': 'wildcard', 'bl.spamcannibal.org': 'wildcard', 'dnsbl.inps.de': 'retired',
  };
  for (const [name, status] of Object.entries(expected)) expect(byName(name).status, name).toBe(status);
});

test('retirement dates of the lists that shut down or began wildcarding', () => {
  expect(byName('dnsbl.sorbs.net').statusSince).toBe('2024-06-05');
  expect(byName('rhsbl.sorbs.net').statusSince).toBe('2024-06-05');
  expect(byName('ix.dnsbl.manitu.net').statusSince).toBe('2025-01-16');
  expect(byName('dnsbl.ahbl.org').statusSince).toBe('2015-01-01');
  expect(byName('dnsbl.njabl.org').statusSince).toBe('2019-01');
  expect(byName('dnsbl.cyberlogic.net').statusSince).toBe('2018-05');
  expect(byName('dnsbl.inps.de').statusSince).toBe('2020-05-25');
});

test('retired and wildcard zones are never enabled by default and say why (and since when, where known)', () => {
  const dead = catalog.filter((z) => z.status === 'retired' || z.status === 'wildcard');
  expect(dead.length).toBe(64);
  for (const z of dead) {
    expect(z.enabledByDefault, z.zone).toBe(false);
    expect(z.weight, z.zone).toBe(0);
    expect(z.statusNote, z.zone).toMatch(/Never queried/);
    expect(Boolean(z.statusSince) || /date unknown/.test(z.statusNote ?? ''), z.zone).toBe(true);
  }
});

test('only active zones are enabled by default; keyed and registration zones wait for the user', () => {
  const enabled = catalog.filter((z) => z.enabledByDefault);
  expect(enabled.length).toBe(24);
  for (const z of enabled) expect(z.status, z.zone).toBe('active');
  for (const name of ['zen.spamhaus.org', 'dbl.spamhaus.org', 'bl.spamcop.net', 'multi.surbl.org', 'multi.uribl.com']) {
    expect(byName(name).enabledByDefault, name).toBe(true);
  }
  for (const name of ['b.barracudacentral.org', 'combined.mail.abusix.zone', 'zen.dq.spamhaus.net', 'dnsbl-3.uceprotect.net']) {
    expect(byName(name).enabledByDefault, name).toBe(false);
  }
});

test('Spamhaus zones carry the free-use budget and the three error codes', () => {
  const spamhaus = catalog.filter((z) => z.operator.startsWith('Spamhaus'));
  for (const z of spamhaus) {
    if (z.status !== 'retired') expect(z.dailyBudget, z.zone).toBe(300000);
    for (const code of ['127.255.255.252', '127.255.255.254', '127.255.255.255']) {
      expect(findCode({ table: z.errorCodes, address: code }), `${z.zone} ${code}`).toBeDefined();
    }
  }
  expect(byName('list.dnswl.org').dailyBudget).toBe(100000);
});

test('every key type of every zone has a test point, and a missing one is explained in the description', () => {
  for (const z of catalog) {
    for (const keyType of z.keyTypes) {
      const points = z.testPoints[keyType];
      expect(points?.listed ?? points?.unlisted, `${z.zone} ${keyType}`).toBeDefined();
      if (keyType === 'ip4' && points?.listed === undefined) expect(z.description, z.zone).toContain('127.0.0.2');
      if (keyType === 'ip4' && points?.unlisted === undefined) expect(z.description, z.zone).toContain('127.0.0.1');
    }
  }
});

test('test points follow RFC 5782 §5 unless the operator documents its own names', () => {
  expect(byName('bl.spamcop.net').testPoints).toEqual({ ip4: { listed: '127.0.0.2', unlisted: '127.0.0.1' } });
  expect(byName('bip.virusfree.cz').testPoints.ip6).toEqual({ listed: '::ffff:7f00:2', unlisted: '::ffff:7f00:1' });
  expect(byName('dbl.nordspam.com').testPoints).toEqual({ domain: { listed: 'test', unlisted: 'invalid' } });
  expect(byName('dbl.spamhaus.org').testPoints.domain?.listed).toBe('dbltest.com');
  expect(byName('multi.uribl.com').testPoints.domain?.listed).toBe('test.uribl.com');
  expect(byName('multi.surbl.org').testPoints.domain?.listed).toBe('test.surbl.org');
  expect(byName('uribl.spameatingmonkey.net').testPoints.domain?.listed).toBe('_dnsbl_.test');
  expect(byName('list.dnswl.org').testPoints.ip6?.listed).toBe('::2');
});

test('no negative test point 127.0.0.1 where 127.0.0.1 is a real code, no positive one where 127.0.0.2 is missing', () => {
  for (const z of catalog) {
    const usesLoopbackOne =
      findCode({ table: z.returnCodes, address: '127.0.0.1' }) !== undefined || (z.returnBits ?? []).some((b) => b.bit === 1);
    if (usesLoopbackOne) expect(z.testPoints.ip4?.unlisted, z.zone).toBeUndefined();
  }
  for (const name of ['hostkarma.junkemailfilter.com', 'rbl.efnetrbl.org', 'bl.score.senderscore.com']) {
    expect(byName(name).testPoints.ip4, name).toEqual({ listed: '127.0.0.2' });
  }
  for (const name of ['combined.mail.abusix.zone', 'dnsrbl.swinog.ch']) {
    expect(byName(name).testPoints.ip4, name).toEqual({ unlisted: '127.0.0.1' });
  }
});

test('allow-lists keep their polarity and only info severities', () => {
  const allow = catalog.filter((z) => z.polarity === 'allow');
  expect(allow.map((z) => z.zone)).toEqual(
    expect.arrayContaining(['list.dnswl.org', 'dwl.dnswl.org', 'wl.mailspike.net', 'iadb.isipp.com']),
  );
  for (const z of allow) {
    for (const entry of [...z.returnCodes, ...(z.returnBits ?? [])]) expect(entry.severity, z.zone).toBe('info');
  }
});

test('every zone has sources, a weight 0–10 and URLs that parse', () => {
  for (const z of catalog) {
    expect(z.sources.length, z.zone).toBeGreaterThan(0);
    expect(z.weight).toBeGreaterThanOrEqual(0);
    expect(z.weight).toBeLessThanOrEqual(10);
    if (z.delistUrl) expect(() => new URL(z.delistUrl as string)).not.toThrow();
  }
  expect(byName('dnsbl.dronebl.org').lookupUrl).toBe('https://dronebl.org/lookup.do?ip={target}');
});

test('ZZoneDefinition refuses zones that break the catalog rules', () => {
  const base = byName('bl.spamcop.net');
  const refuses = (patch: Partial<ZoneDefinition>, words: string) => {
    const result = ZZoneDefinition.safeParse({ ...base, ...patch });
    expect(result.success, words).toBe(false);
    expect(JSON.stringify(result.error?.issues), words).toContain(words);
  };
  expect(ZZoneDefinition.safeParse(base).success).toBe(true);
  refuses({ returnCodes: [{ code: '128.0.0.2', meaning: 'x', severity: 'high' }] }, 'inside 127.0.0.0/8');
  refuses({ returnCodes: [{ code: '127.0.0.7-127.0.0.4', meaning: 'x', severity: 'high' }] }, 'ordered range');
  refuses({ returnCodes: [{ code: '127.0.0.2', meaning: 'x', severity: 'high' }, { code: '127.0.0.1-127.0.0.3', meaning: 'y', severity: 'low' }] }, 'overlap');
  refuses({ errorCodes: [{ code: '127.0.0.2', meaning: 'blocked' }] }, 'overlap');
  refuses({ zone: 'BL.SpamCop.net' }, 'lower-case DNS name');
  refuses({ zone: 'bl.spamcop.net.' }, 'lower-case DNS name');
  refuses({ polarity: 'allow' }, 'severity info');
  refuses({ status: 'retired', statusNote: 'gone' }, 'never enabled by default');
  refuses({ status: 'wildcard', enabledByDefault: false }, 'needs a statusNote');
  refuses({ status: 'keyed' }, 'off by default');
  refuses({ testPoints: { domain: { listed: 'test' } } }, 'not keyed on');
  refuses({ returnCodes: [] }, 'needs returnCodes or returnBits');
  refuses({ weight: 11 }, 'weight');
  refuses({ statusSince: '5 June 2024' }, 'ISO date');
});
