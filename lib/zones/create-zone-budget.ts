import type { PrismaClient, Zone } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { utcDay } from './zone-rules.ts';
import type { ZoneBudget } from '../dnsbl/run-sweep.ts';

/**
 * The budget runSweep consults before each query. `take(zone, n)` reserves `n` queries on `zone` for today
 * (UTC), or returns false, reserving nothing, when that would pass the zone's daily budget.
 */
export interface StoredZoneBudget extends ZoneBudget {
  /** Write the counters taken since the last flush (increments today's stored count; resets it on a new day). */
  flush(): Promise<void>;
}

interface Counter {
  limit: number | null;
  day: string;
  /** Queries counted for `day`, including those not yet flushed. */
  used: number;
  /** Queries taken since the last flush. */
  pending: number;
}

/**
 * Per-zone daily query budgets (design §5: Spamhaus free use is about 300,000 queries a day), backed by
 * Zone.budgetDay/budgetUsed. Counting happens in memory during a sweep; `flush()` persists it in one transaction
 * with `increment`, so another process's counts for the same day are added, not overwritten. Zones without a
 * `dailyBudget` are counted too (for the zones page) and never refused.
 */
export function createZoneBudget(params: {
  zones: Pick<Zone, 'name' | 'dailyBudget' | 'budgetDay' | 'budgetUsed'>[];
  db?: PrismaClient;
  now?: () => Date;
}): StoredZoneBudget {
  const db = params.db ?? prisma;
  const now = params.now ?? (() => new Date());
  const counters = new Map<string, Counter>();
  const today = utcDay(now());
  for (const z of params.zones) {
    counters.set(z.name, {
      limit: z.dailyBudget,
      day: today,
      used: z.budgetDay === today ? z.budgetUsed : 0,
      pending: 0,
    });
  }
  return {
    take(zone, n) {
      const c = counters.get(zone);
      if (!c) return true;
      const day = utcDay(now());
      if (day !== c.day) {
        c.day = day;
        c.used = 0;
        c.pending = 0;
      }
      if (c.limit !== null && c.used + n > c.limit) return false;
      c.used += n;
      c.pending += n;
      return true;
    },
    async flush() {
      const dirty = [...counters.entries()].filter(([, c]) => c.pending > 0);
      if (dirty.length === 0) return;
      const batch = dirty.map(([name, c]) => ({ name, day: c.day, pending: c.pending }));
      for (const [, c] of dirty) c.pending = 0;
      await db.$transaction(async (tx) => {
        for (const b of batch) {
          const same = await tx.zone.updateMany({
            where: { name: b.name, budgetDay: b.day },
            data: { budgetUsed: { increment: b.pending } },
          });
          if (same.count === 0) {
            await tx.zone.updateMany({ where: { name: b.name }, data: { budgetDay: b.day, budgetUsed: b.pending } });
          }
        }
      });
    },
  };
}
