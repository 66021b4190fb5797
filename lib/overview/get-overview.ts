import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ResolverHealth } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { resolverServers } from '../dnsbl/resolver-servers.ts';
import { assessResolver } from '../dnsbl/assess-resolver.ts';
import { listAssets } from '../assets/list-assets.ts';
import { toEventView } from '../listings/list-events.ts';
import type { EventView } from '../listings/list-events.ts';
import { readZoneDefinition } from '../zones/read-zone-definition.ts';
import { isQueryable, utcDay } from '../zones/zone-rules.ts';
import { nextRunAt } from '../jobs/next-run-at.ts';
import { schedulerProblem } from '../jobs/scheduler-problem.ts';
import { STALE_AFTER_MS } from '../jobs/recover-stale-runs.ts';
import { DNSBL_JOB_IDS, SWEEP_JOB_ID } from '../sweeps/dnsbl-job-ids.ts';

/** The dashboard's first screen, as `GET /api/overview` answers (README "JSON API"). */
export interface OverviewView {
  assets: number;
  listed: number;
  clean: number;
  errors: number;
  unchecked: number;
  zonesEnabled: number;
  zonesUnhealthy: number;
  /** Enabled zones whose daily query budget is used up for today (UTC): their targets read `budget_exhausted`. */
  zonesBudgetExhausted: number;
  budgetExhaustedZones: string[];
  /** When today's budgets reset: the next UTC midnight. */
  budgetResetsAt: Date;
  /**
   * Resolver health of the latest finished sweep; `zonesChecked` / `zonesFailed`: zones that passed / failed their
   * test points in it (absent before the first sweep).
   */
  resolver: {
    status: ResolverHealth['status'] | 'unknown';
    reason?: string;
    isPublic: boolean;
    servers: string[];
    zonesChecked?: number;
    zonesFailed?: number;
  };
  lastSweep?: { id: string; status: string; startedAt: Date; finishedAt?: Date };
  nextSweepAt?: Date;
  running?: { id: string; jobId: string; progressDone: number; progressTotal: number };
  recentEvents: (EventView & { assetId: string; value: string })[];
  /** Why scheduled sweeps are not running (a scheduler that failed to start, an invalid DNSBL_SWEEP_CRON). */
  schedulerProblem?: string;
}

/**
 * Counts of assets by status, zone health, zones out of daily budget (with the reset time), the resolver status of the latest finished sweep (or check) with
 * `isPublic` (BL-08), the last full sweep, the next one (from `sweepCron`, default DNSBL_SWEEP_CRON), the run in
 * progress (a live heartbeat) and the 10 latest listing changes.
 */
export async function getOverview(params: { db?: PrismaClient; sweepCron?: string; now?: () => Date } = {}): Promise<OverviewView> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  const e = env();
  const [assets, zones, lastSweep, lastSummary, running, events] = await Promise.all([
    listAssets({ db }),
    db.zone.findMany({
      where: { enabled: true },
      select: { name: true, definition: true, health: true, dailyBudget: true, budgetDay: true, budgetUsed: true },
      orderBy: { name: 'asc' },
    }),
    db.jobRun.findFirst({ where: { jobId: SWEEP_JOB_ID }, orderBy: { startedAt: 'desc' } }),
    // The latest sweep or check: other jobs' summaries (placement, alerts, reputation) carry no resolver health.
    db.jobRun.findFirst({ where: { jobId: { in: DNSBL_JOB_IDS }, status: 'succeeded', summary: { not: null } }, orderBy: { finishedAt: 'desc' } }),
    db.jobRun.findFirst({
      where: { status: 'running', heartbeatAt: { gte: new Date(now.getTime() - STALE_AFTER_MS) } },
      orderBy: { startedAt: 'desc' },
    }),
    db.listingEvent.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 10, include: { asset: true } }),
  ]);
  const queryable = zones.filter((z) => isQueryable(readZoneDefinition(z)));
  const count = (s: string) => assets.filter((a) => a.status === s).length;
  const servers = resolverServers(e.DNSBL_RESOLVER, { allowNone: true });
  const last = lastSummary?.summary
    ? (JSON.parse(lastSummary.summary) as { resolver?: ResolverHealth; zoneHealth?: { healthy: number; unhealthy: number } })
    : undefined;
  const seen = last?.resolver;
  const zoneCounts = last?.zoneHealth ? { zonesChecked: last.zoneHealth.healthy, zonesFailed: last.zoneHealth.unhealthy } : {};
  const resolver: OverviewView['resolver'] = seen
    ? { status: seen.status, ...(seen.reason ? { reason: seen.reason } : {}), isPublic: seen.isPublic, servers: seen.servers, ...zoneCounts }
    : { status: 'unknown', isPublic: assessResolver({ zoneHealth: [], servers }).isPublic, servers };
  const today = utcDay(now);
  const exhausted = queryable.filter((z) => z.dailyBudget !== null && z.budgetDay === today && z.budgetUsed >= z.dailyBudget);
  const budgetResetsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const sweepCron = params.sweepCron ?? e.DNSBL_SWEEP_CRON;
  const next = nextRunAt({ cron: sweepCron });
  const problem = schedulerProblem({ crons: [{ expression: sweepCron, name: 'DNSBL_SWEEP_CRON' }] });
  return {
    assets: assets.length,
    listed: count('listed'),
    clean: count('clean'),
    errors: count('error'),
    unchecked: count('unchecked'),
    zonesEnabled: queryable.length,
    zonesUnhealthy: queryable.filter((z) => z.health === 'unhealthy').length,
    zonesBudgetExhausted: exhausted.length,
    budgetExhaustedZones: exhausted.map((z) => z.name),
    budgetResetsAt,
    resolver,
    ...(lastSweep
      ? {
          lastSweep: {
            id: lastSweep.id,
            status: lastSweep.status,
            startedAt: lastSweep.startedAt,
            ...(lastSweep.finishedAt ? { finishedAt: lastSweep.finishedAt } : {}),
          },
        }
      : {}),
    ...(next ? { nextSweepAt: next } : {}),
    ...(running
      ? { running: { id: running.id, jobId: running.jobId, progressDone: running.progressDone, progressTotal: running.progressTotal } }
      : {}),
    recentEvents: events.map((ev) => ({ ...toEventView(ev), assetId: ev.assetId, value: ev.asset.display ?? ev.asset.value })),
    ...(problem ? { schedulerProblem: problem } : {}),
  };
}
