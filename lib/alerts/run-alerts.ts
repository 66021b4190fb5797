import crypto from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ResolverHealth } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import type { IncidentState, Notice, RuleState } from './alert-types.ts';
import { applyAlertPlan } from './apply-alert-plan.ts';
import type { AppliedPlan } from './apply-alert-plan.ts';
import { deliverDueNotifications } from './deliver-notifications.ts';
import type { DeliveryDeps } from './deliver-notifications.ts';
import { ensureEnvChannel } from './ensure-env-channel.ts';
import { evaluateRules } from './evaluate-rules.ts';
import { gatherObservations } from './gather-observations.ts';
import type { AlertSeverity, RuleKind } from './rule-kinds.ts';
import { seedDefaultRules } from './seed-default-rules.ts';

/** What one alert run did (a JobRun summary): incidents changed, notifications queued and delivered. */
export interface AlertRunSummary extends AppliedPlan {
  sent: number;
  retrying: number;
  failed: number;
}

let chain: Promise<unknown> = Promise.resolve();

/** Run `fn` after every alert run already started in this process (one evaluation and delivery at a time). */
function serialise<T>(fn: () => Promise<T>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next.catch(() => undefined);
  return next;
}

/**
 * One alert evaluation and delivery round (design §7): seed the default rules and the env email channel, observe
 * every enabled rule's condition, plan (evaluateRules: incidents, cooldown, recoveries), apply the plan and queue
 * notifications, then deliver everything due (new notices, retries, finished digest hours). Runs after each sweep
 * and on the one-minute `alerts.evaluate` tick; serialised within the process.
 * @param resolver the resolver health of a sweep that just ran. `now`, `transport`, `fetchFn`: injectable.
 * @returns counts; throws only on database failures.
 */
export function runAlerts(p: { db?: PrismaClient; now?: () => Date; resolver?: ResolverHealth } & DeliveryDeps = {}): Promise<AlertRunSummary> {
  return serialise(async () => {
    const db = p.db ?? prisma;
    const now = (p.now ?? (() => new Date()))();
    await seedDefaultRules({ db });
    await ensureEnvChannel({ db });
    const rules = await db.alertRule.findMany();
    const channels = await db.alertChannel.findMany();
    const observations = await gatherObservations({ db, rules, now, resolver: p.resolver });
    const maxCooldown = Math.max(0, ...rules.map((r) => r.cooldownMinutes));
    const rows = await db.incident.findMany({
      where: {
        OR: [
          { status: { not: 'resolved' } },
          { lastNotifiedAt: { gte: new Date(now.getTime() - maxCooldown * 60_000) } },
          { resolvedAt: { gte: new Date(now.getTime() - maxCooldown * 60_000) } },
        ],
      },
    });
    const incidents: IncidentState[] = rows.map((r) => {
      const detail = JSON.parse(r.detail) as { notice?: Notice | null; group?: string | null };
      return {
        id: r.id,
        ruleId: r.ruleId,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        status: r.status as IncidentState['status'],
        resolvedAt: r.resolvedAt,
        lastNotifiedAt: r.lastNotifiedAt,
        notice: detail.notice ?? null,
        ...(detail.group ? { group: detail.group } : {}),
      };
    });
    const ruleStates: RuleState[] = rules.map((r) => ({
      id: r.id,
      kind: r.kind as RuleKind,
      enabled: r.enabled,
      severity: r.severity as AlertSeverity,
      cooldownMinutes: r.cooldownMinutes,
    }));
    const plan = evaluateRules({ rules: ruleStates, observations, incidents, now });
    const applied = await applyAlertPlan({ db, plan, rules, channels, now, evaluationId: crypto.randomUUID().slice(0, 8) });
    const delivered = await deliverDueNotifications({ db, now, transport: p.transport, fetchFn: p.fetchFn });
    return { ...applied, ...delivered };
  });
}
