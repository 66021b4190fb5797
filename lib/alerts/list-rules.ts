import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { RULE_KINDS } from './rule-kinds.ts';
import { seedDefaultRules } from './seed-default-rules.ts';
import { toRuleView } from './rule-view.ts';
import type { RuleView } from './rule-view.ts';

/** Every alert rule (the defaults are seeded first if missing), in RULE_KINDS order. GET /api/alert-rules. */
export async function listRules(p: { db?: PrismaClient } = {}): Promise<RuleView[]> {
  const db = p.db ?? prisma;
  await seedDefaultRules({ db });
  const rows = await db.alertRule.findMany({ orderBy: { createdAt: 'asc' } });
  const order = (kind: string) => RULE_KINDS.indexOf(kind as (typeof RULE_KINDS)[number]);
  return rows.map(toRuleView).sort((a, b) => order(a.kind) - order(b.kind));
}
