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
  /** The UTC day `day` as [start, end) in ms since the epoch: a take outside it starts a new count. */
  startMs: number;
  endMs: number;
  /** Queries counted for `day`, including those not yet flushed. */
  used: number;
  /** Queries taken since the last flush. */
  pending: number;
}

const DAY_MS = 86_400_000;
/** Start of the UTC day holding `ms` (UTC days are exactly DAY_MS long: no leap seconds in ECMAScript time). */
const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * Per-zone daily query budgets (design §5: Spamhaus free use is about 300,000 queries a day), backed by
 * Zone.budgetDay/budgetUsed. Counting happens in memory during a sweep (a take compares the clock with the
 * counter's UTC day in ms, no date formatting); `flush()` persists every zone counted since the last flush in one
 * UPDATE: on the same stored day it adds to `budgetUsed`, so another process's counts for that day add up, not
 * overwrite; on a new day it sets `budgetDay` and starts `budgetUsed` at the new count. Zones without a
 * `dailyBudget` are counted too (for the zones page) and never refused. `now` (default: the current time) is
 * the clock.
 */
export function createZoneBudget(params: {
  zones: Pick<Zone, 'name' | 'dailyBudget' | 'budgetDay' | 'budgetUsed'>[];
  db?: PrismaClient;
  now?: () => Date;
}): StoredZoneBudget {
  const db = params.db ?? prisma;
  const now = params.now;
  const clock = now ? () => now().getTime() : Date.now;
  const counters = new Map<string, Counter>();
  const startMs = dayStart(clock());
  const today = utcDay(new Date(startMs));
  for (const z of params.zones) {
    counters.set(z.name, {
      limit: z.dailyBudget,
      day: today,
      startMs,
      endMs: startMs + DAY_MS,
      used: z.budgetDay === today ? z.budgetUsed : 0,
      pending: 0,
    });
  }
  return {
    take(zone, n) {
      const c = counters.get(zone);
      if (!c) return true;
      const t = clock();
      if (t < c.startMs || t >= c.endMs) {
        c.startMs = dayStart(t);
        c.endMs = c.startMs + DAY_MS;
        c.day = utcDay(new Date(c.startMs));
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
      const json = JSON.stringify(dirty.map(([name, c]) => ({ name, day: c.day, n: c.pending })));
      for (const [, c] of dirty) c.pending = 0;
      await db.$executeRaw`
        UPDATE "Zone" SET
          "budgetUsed" = CASE WHEN "Zone"."budgetDay" = v.day THEN "Zone"."budgetUsed" + v.n ELSE v.n END,
          "budgetDay" = v.day,
          "updatedAt" = ${new Date(clock())}
        FROM (SELECT value ->> 'name' AS name, value ->> 'day' AS day, value ->> 'n' AS n FROM json_each(${json})) AS v
        WHERE "Zone"."name" = v.name`;
    },
  };
}
