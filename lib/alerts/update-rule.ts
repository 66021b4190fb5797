import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { formatIssues } from '../http/parse-request.ts';
import { RULE_PARAMS } from './rule-kinds.ts';
import type { RuleKind } from './rule-kinds.ts';
import { toRuleView } from './rule-view.ts';
import type { RuleView, ZUpdateRule } from './rule-view.ts';

/**
 * Change a rule's enabled flag, severity, parameters (merged over the current ones and checked against its kind:
 * `params.threshold: Too big: expected number to be <=100`), channels (each must exist) or cooldown (minutes).
 * @throws AppError('not_found') for an unknown rule; AppError('invalid_input') naming the bad parameter or channel.
 */
export async function updateRule(p: { id: string; patch: z.infer<typeof ZUpdateRule>; db?: PrismaClient }): Promise<RuleView> {
  const db = p.db ?? prisma;
  const row = await db.alertRule.findUnique({ where: { id: p.id } });
  if (!row) throw new AppError('not_found', `no alert rule ${p.id}`);
  const { params, channelIds, ...rest } = p.patch;
  const data: Record<string, unknown> = { ...rest };
  if (params) {
    const parsed = RULE_PARAMS[row.kind as RuleKind].safeParse({ ...(JSON.parse(row.params) as object), ...params });
    if (!parsed.success) throw new AppError('invalid_input', formatIssues(parsed.error.issues.map((i) => ({ ...i, path: ['params', ...i.path] }))));
    data.params = JSON.stringify(parsed.data);
  }
  if (channelIds) {
    const found = await db.alertChannel.findMany({ where: { id: { in: channelIds } }, select: { id: true } });
    const missing = channelIds.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) throw new AppError('invalid_input', `channelIds: no channel ${missing.join(', ')}`);
    data.channelIds = JSON.stringify([...new Set(channelIds)]);
  }
  return toRuleView(await db.alertRule.update({ where: { id: row.id }, data }));
}
