import type { ZoneDefinition } from '../dnsbl/types.ts';

/**
 * Keyed zones (Spamhaus DQS, Abusix) are queried under the account key as a label in front of the zone:
 * `<reversed ip>.<key>.zen.dq.spamhaus.net` (dnsbl-catalog.md "DQS"; Abusix `<key>.combined.mail.abusix.zone`).
 * Given the sweep's catalog definitions and the keys by catalog zone name, returns:
 * - `zones`: the definitions to query, a keyed zone's `zone` being `<key>.<zone>` (its test points are then asked
 *   under the key too);
 * - `catalogName(name)`: the catalog zone name of a queried name (results, budgets and health are reported and
 *   stored under it, never under the keyed name);
 * - `scrub(text)`: the text with every keyed name replaced by its catalog name, so no key reaches the database,
 *   the API or the logs through an error detail.
 * Pure.
 */
export function applyZoneKeys(params: { definitions: ZoneDefinition[]; keys: ReadonlyMap<string, string> }): {
  zones: ZoneDefinition[];
  catalogName: (name: string) => string;
  scrub: (text: string) => string;
} {
  const back = new Map<string, string>();
  const zones = params.definitions.map((def) => {
    const key = params.keys.get(def.zone);
    if (!key) return def;
    const keyed = `${key.toLowerCase()}.${def.zone}`;
    back.set(keyed, def.zone);
    return { ...def, zone: keyed };
  });
  return {
    zones,
    catalogName: (name) => back.get(name) ?? name,
    scrub: (text) => {
      let out = text;
      for (const [keyed, zone] of back) out = out.split(keyed).join(zone);
      return out;
    },
  };
}
