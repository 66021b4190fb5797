import type { Asset, PrismaClient } from '../generated/prisma/client.ts';
import type { Target } from '../dnsbl/types.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { targetCount } from '../dnsbl/expand-range.ts';
import { zoneAppliesTo } from '../dnsbl/zone-catalog.ts';
import { runsPerDay } from '../jobs/runs-per-day.ts';
import { loadSweepZones } from '../zones/load-sweep-zones.ts';
import { keyTypeOfAsset } from './key-type-of-asset.ts';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Warnings for a new asset whose sweeps would pass a zone's daily query budget (design §5: Spamhaus free use is
 * about 300,000 queries a day; past it every target reads `budget_exhausted`). For every enabled zone with a
 * budget that receives the asset's key type: queries a day = targets × sweeps a day (`sweepCron` via node-cron),
 * one query per (target, zone, sweep), not counting test points and confirmations. Warns when the asset alone
 * needs more than the budget, or when it does with the enabled assets already monitored (`others`).
 * @example ['93.184.0.0/16 needs about 3,145,728 queries a day on zen.spamhaus.org at *\/30 * * * *; its free-use limit is 300,000 (Spamhaus)']
 */
export async function budgetWarnings(params: {
  target: Target;
  others: Pick<Asset, 'value' | 'enabled'>[];
  sweepCron: string;
  db: PrismaClient;
  now?: () => Date;
}): Promise<string[]> {
  const { target, sweepCron } = params;
  const perDay = runsPerDay({ cron: sweepCron, now: params.now });
  if (perDay === 0) return [];
  const keyType = keyTypeOfAsset(target);
  const others = params.others.filter((a) => a.enabled).map((a) => parseTarget(a.value));
  const { rows, definitions } = await loadSweepZones({ db: params.db });
  const warnings: string[] = [];
  definitions.forEach((def, i) => {
    const limit = rows[i].dailyBudget;
    if (limit === null || !zoneAppliesTo(def, keyType)) return;
    const need = targetCount(target) * perDay;
    const what = limit === def.dailyBudget ? `its free-use limit is ${n(limit)} (${def.operator})` : `its daily budget is ${n(limit)}`;
    if (need > limit) {
      warnings.push(`${target.value} needs about ${n(need)} queries a day on ${def.zone} at ${sweepCron}; ${what}`);
      return;
    }
    const total = need + others.filter((o) => zoneAppliesTo(def, keyTypeOfAsset(o))).reduce((s, o) => s + targetCount(o) * perDay, 0);
    if (total > limit) {
      warnings.push(
        `with ${target.value}, the monitored assets need about ${n(total)} queries a day on ${def.zone} at ${sweepCron}; ${what}`,
      );
    }
  });
  return warnings;
}
