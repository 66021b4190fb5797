import { z } from 'zod';
import type { AlertRule } from '../generated/prisma/client.ts';
import { ALERT_SEVERITIES, parseRuleParams } from './rule-kinds.ts';
import type { RuleKind } from './rule-kinds.ts';

/** One alert rule as the API answers it: params with defaults filled in, channelIds ([] = every channel). */
export interface RuleView {
  id: string;
  kind: RuleKind;
  name: string;
  enabled: boolean;
  severity: string;
  params: Record<string, unknown>;
  cooldownMinutes: number;
  channelIds: string[];
  updatedAt: Date;
}

/** PATCH /api/alert-rules/:id body: every field optional; `params` is checked against the rule's kind. */
export const ZUpdateRule = z
  .object({
    enabled: z.boolean(),
    severity: z.enum(ALERT_SEVERITIES),
    params: z.record(z.string(), z.unknown()),
    channelIds: z.array(z.string().min(1)).max(100),
    cooldownMinutes: z.number().int().min(0).max(7 * 24 * 60),
  })
  .partial()
  .strict();

/** Shape a stored rule for the API. */
export function toRuleView(row: AlertRule): RuleView {
  const kind = row.kind as RuleKind;
  return {
    id: row.id,
    kind,
    name: row.name,
    enabled: row.enabled,
    severity: row.severity,
    params: parseRuleParams(kind, JSON.parse(row.params)) as Record<string, unknown>,
    cooldownMinutes: row.cooldownMinutes,
    channelIds: JSON.parse(row.channelIds) as string[],
    updatedAt: row.updatedAt,
  };
}
