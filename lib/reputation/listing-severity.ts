import { classifyAnswer } from '../dnsbl/classify-answer.ts';
import type { Severity, ZoneDefinition } from '../dnsbl/types.ts';

/**
 * The highest catalog severity among a stored listing's return codes (e.g. ZEN `127.0.0.2` → critical, `127.0.0.10`
 * → medium; bitmask zones per set bit), read through the same classification the sweep used (classifyAnswer).
 * Codes the zone no longer defines (the definition changed since the listing) count as `medium`: the listing is
 * confirmed, only its meaning is unknown.
 */
export function listingSeverity(params: { definition: ZoneDefinition; codes: string[] }): Severity {
  const c = classifyAnswer({ zone: params.definition, outcome: { kind: 'answer', addresses: params.codes } });
  return c.verdict === 'listed' && c.severity ? c.severity : 'medium';
}
