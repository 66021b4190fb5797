/**
 * The zone catalog shipped as data (design §5): lib/dnsbl/zones/catalog.json, validated with zod on first load.
 * Facts and sources: ../shared/reference/dnsbl-catalog.md §2.
 */
import { z } from 'zod';
import catalogJson from './zones/catalog.json' with { type: 'json' };
import type { KeyType, ZoneDefinition } from './types.ts';
import { codeBounds, ipv4ToInt } from './parse-ip.ts';

const LOOPBACK_START = ipv4ToInt('127.0.0.0');
const LOOPBACK_END = ipv4ToInt('127.255.255.255');

const ZSeverity = z.enum(['info', 'low', 'medium', 'high', 'critical']);
const ZKeyType = z.enum(['ip4', 'ip6', 'domain']);

/** A code or range inside 127.0.0.0/8 (RFC 5782 §2.3: return codes are loopback values), first ≤ last. */
const ZCode = z.string().refine(
  (code) => {
    const bounds = codeBounds(code);
    return bounds !== null && bounds.start <= bounds.end && bounds.start >= LOOPBACK_START && bounds.end <= LOOPBACK_END;
  },
  { message: 'must be an address or an ordered range a-b inside 127.0.0.0/8' },
);

const ZTestPoint = z.object({ listed: z.string().min(1).optional(), unlisted: z.string().min(1).optional() }).strict();

const ZIsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD');

const ZZoneObject = z
  .object({
    zone: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)+$/, {
        message: 'must be a lower-case DNS name without a trailing dot',
      }),
    name: z.string().min(1),
    operator: z.string().min(1),
    description: z.string().min(1),
    keyTypes: z.array(ZKeyType).min(1),
    polarity: z.enum(['block', 'allow']),
    returnCodes: z.array(z.object({ code: ZCode, meaning: z.string().min(1), severity: ZSeverity }).strict()),
    returnBits: z
      .array(
        z
          .object({
            bit: z.number().int().refine((bit) => [1, 2, 4, 8, 16, 32, 64, 128].includes(bit), 'must be one bit 1–128'),
            meaning: z.string().min(1),
            severity: ZSeverity,
          })
          .strict(),
      )
      .min(1)
      .optional(),
    errorCodes: z.array(z.object({ code: ZCode, meaning: z.string().min(1) }).strict()),
    testPoints: z.object({ ip4: ZTestPoint.optional(), ip6: ZTestPoint.optional(), domain: ZTestPoint.optional() }).strict(),
    status: z.enum(['active', 'keyed', 'registration', 'retired', 'wildcard']),
    statusSince: ZIsoDate.optional(),
    statusNote: z.string().min(1).optional(),
    enabledByDefault: z.boolean(),
    weight: z.number().min(0).max(10),
    dailyBudget: z.number().int().positive().optional(),
    delistUrl: z.url().optional(),
    lookupUrl: z.url().includes('{target}').optional(),
    sources: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Ranges of one table that overlap, as "a and b". */
function overlaps(codes: string[]): string[] {
  const ranges = codes
    .map((code) => ({ code, ...(codeBounds(code) ?? { start: 0, end: -1 }) }))
    .sort((a, b) => a.start - b.start);
  const found: string[] = [];
  for (let i = 1; i < ranges.length; i += 1) {
    if (ranges[i].start <= ranges[i - 1].end) found.push(`${ranges[i - 1].code} and ${ranges[i].code}`);
  }
  return found;
}

/**
 * zod schema of one ZoneDefinition (lib/dnsbl/types.ts), with the cross-field rules:
 * at least one return code or bit; no code both a listing and an error, no overlapping ranges; test points only
 * for the zone's key types; allow-lists only `info` severities (a good listing never reads as a block); retired and wildcard zones
 * are never enabled by default and carry a status note; keyed and registration zones are off by default.
 */
export const ZZoneDefinition: z.ZodType<ZoneDefinition> = ZZoneObject.superRefine((zone, ctx) => {
  const problem = (message: string) => ctx.addIssue({ code: 'custom', message: `${zone.zone}: ${message}` });
  if (zone.returnCodes.length === 0 && !zone.returnBits) problem('needs returnCodes or returnBits');
  for (const pair of overlaps([...zone.returnCodes, ...zone.errorCodes].map((entry) => entry.code))) {
    problem(`codes ${pair} overlap`);
  }
  const bits = zone.returnBits?.map((entry) => entry.bit) ?? [];
  if (new Set(bits).size !== bits.length) problem('returnBits repeats a bit');
  for (const keyType of Object.keys(zone.testPoints)) {
    if (!zone.keyTypes.includes(keyType as KeyType)) problem(`test point for ${keyType}, which the zone is not keyed on`);
  }
  if (new Set(zone.keyTypes).size !== zone.keyTypes.length) problem('keyTypes repeats a key type');
  if (zone.polarity === 'allow') {
    const severities = [...zone.returnCodes, ...(zone.returnBits ?? [])].map((entry) => entry.severity);
    if (severities.some((severity) => severity !== 'info')) problem('an allow-list code must have severity info');
  }
  if (zone.status === 'retired' || zone.status === 'wildcard') {
    if (zone.enabledByDefault) problem(`a ${zone.status} zone is never enabled by default`);
    if (!zone.statusNote) problem(`a ${zone.status} zone needs a statusNote`);
  }
  if ((zone.status === 'keyed' || zone.status === 'registration') && zone.enabledByDefault) {
    problem(`a ${zone.status} zone is off by default`);
  }
});

const ZCatalog = z.array(ZZoneDefinition).superRefine((zones, ctx) => {
  const seen = new Set<string>();
  for (const zone of zones) {
    if (seen.has(zone.zone)) ctx.addIssue({ code: 'custom', message: `zone ${zone.zone} appears twice` });
    seen.add(zone.zone);
  }
});

let cached: ZoneDefinition[] | undefined;

/**
 * Every catalog zone (all statuses), validated on first call and cached.
 * @throws ZodError when catalog.json breaks a rule of ZZoneDefinition or repeats a zone (a packaging bug).
 */
export function loadCatalog(): ZoneDefinition[] {
  cached ??= ZCatalog.parse(catalogJson);
  return cached;
}

/** The catalog entry for a zone name (case-insensitive, trailing dot ignored), or undefined. */
export function findCatalogZone(zone: string): ZoneDefinition | undefined {
  const name = zone.toLowerCase().replace(/\.$/, '');
  return loadCatalog().find((entry) => entry.zone === name);
}

export { zoneAppliesTo } from './zone-applies-to.ts';
