import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { DEFAULT_RULES, defaultRuleId } from './rule-kinds.ts';

/**
 * Create the default rules that do not exist yet (DEFAULT_RULES: one per kind, enabled, every channel, default
 * parameters, 60-minute cooldown). Idempotent: each default has a stable id (`rule-<kind>`), existing rows are
 * never changed, and a row created meanwhile by another process (unique id) is skipped.
 * @returns how many rules were missing (and are now created).
 */
export async function seedDefaultRules(p: { db?: PrismaClient } = {}): Promise<number> {
  const db = p.db ?? prisma;
  const existing = new Set((await db.alertRule.findMany({ select: { id: true } })).map((r) => r.id));
  let created = 0;
  for (const rule of DEFAULT_RULES) {
    const id = defaultRuleId(rule.kind);
    if (existing.has(id)) continue;
    await db.alertRule.upsert({ where: { id }, create: { id, ...rule, params: '{}', channelIds: '[]' }, update: {} });
    created++;
  }
  return created;
}
