import type { ZoneDefinition } from './types.ts';
import { AppError } from '../errors.ts';

/**
 * The zones a check queries. Without `names`: the catalog's `active` zones that are `enabledByDefault`.
 * With `names` (case-insensitive, trailing dot ignored): exactly those catalog zones, in the given order, without
 * duplicates. Zones that cannot answer are refused: `retired` (shut down, BL-07), `wildcard` (lists everything,
 * BL-06) and `keyed` (needs an account key in the query name).
 * @throws AppError `invalid_input` for a name not in the catalog (listing up to 5 close matches) or an unusable zone.
 */
export function selectZones(params: { catalog: ZoneDefinition[]; names?: string[] }): ZoneDefinition[] {
  const { catalog, names } = params;
  if (!names || names.length === 0) return catalog.filter((z) => z.status === 'active' && z.enabledByDefault);
  const byName = new Map(catalog.map((z) => [z.zone, z]));
  const picked = new Map<string, ZoneDefinition>();
  for (const raw of names) {
    const name = raw.trim().toLowerCase().replace(/\.$/, '');
    const zone = byName.get(name);
    if (!zone) {
      const close = closeMatches(name, [...byName.keys()]);
      const hint = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ' See the zone catalog for the names.';
      throw new AppError('invalid_input', `Unknown zone "${raw}".${hint}`);
    }
    if (zone.status === 'retired' || zone.status === 'wildcard' || zone.status === 'keyed') {
      const why = {
        retired: 'is retired and no longer answers',
        wildcard: 'answers "listed" for every name (wildcard)',
        keyed: 'needs an account key in the query name',
      }[zone.status];
      const since = zone.statusSince ? ` (since ${zone.statusSince})` : '';
      throw new AppError('invalid_input', `Zone ${zone.zone} ${why}${since}; it is not queried.`);
    }
    picked.set(zone.zone, zone);
  }
  return [...picked.values()];
}

function closeMatches(name: string, zones: string[]): string[] {
  return zones
    .map((z) => ({ z, d: distance(name, z) }))
    .filter(({ z, d }) => d <= Math.max(2, Math.floor(name.length / 5)) || z.includes(name) || (name.length >= 4 && z.startsWith(name.split('.')[0])))
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map(({ z }) => z);
}

/** Levenshtein edit distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
