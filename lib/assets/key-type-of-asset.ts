import type { KeyType, Target } from '../dnsbl/types.ts';
import { keyTypeOf } from '../dnsbl/query-name.ts';

/** The zone key type an asset's targets have: domain, ip4 for ranges (IPv4 only), else the address family. */
export function keyTypeOfAsset(target: Target): KeyType {
  if (target.kind === 'domain') return 'domain';
  if (target.kind === 'range') return 'ip4';
  return keyTypeOf(target.value);
}
