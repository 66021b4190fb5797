import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ResolverHealth } from '../dnsbl/types.ts';
import type { Observation } from './alert-types.ts';
import type { RuleParams } from './rule-kinds.ts';
import { DNSBL_JOB_IDS } from '../sweeps/dnsbl-job-ids.ts';


/**
 * zone_unhealthy: every enabled zone that failed its health check (test points, BL-07) in at least `sweeps`
 * consecutive sweeps (Zone.failedSweeps), with the health reason. Disabled zones are not monitored.
 */
export async function gatherZoneConditions(p: { db: PrismaClient; params: RuleParams['zone_unhealthy'] }): Promise<Observation> {
  const zones = await p.db.zone.findMany({ where: { enabled: true }, select: { name: true, failedSweeps: true, healthReason: true } });
  const active = zones
    .filter((z) => z.failedSweeps >= p.params.sweeps)
    .map((z) => ({
      kind: 'zone_unhealthy' as const,
      subjectType: 'zone',
      subjectId: z.name,
      subjectLabel: z.name,
      title: `Zone ${z.name} unhealthy for ${z.failedSweeps} consecutive sweeps`,
      detail: { failedSweeps: z.failedSweeps, reason: z.healthReason },
    }));
  return { kind: 'zone_unhealthy', active, monitored: zones.map((z) => `zone:${z.name}`) };
}

/**
 * resolver_blocked: the resolver health of the sweep that just ran (`resolver`), else of the last successful
 * sweep or check (JobRun summary `resolver`): `blocked`, `rewriting` or `unreachable` (BL-08, design §5). Not
 * observed (null) before the first sweep.
 */
export async function gatherResolverCondition(p: { db: PrismaClient; resolver?: ResolverHealth }): Promise<Observation | null> {
  let resolver = p.resolver ?? null;
  if (!resolver) {
    const run = await p.db.jobRun.findFirst({
      where: { jobId: { in: DNSBL_JOB_IDS }, status: 'succeeded', summary: { contains: '"resolver"' } },
      orderBy: { finishedAt: 'desc' },
      select: { summary: true },
    });
    resolver = run?.summary ? ((JSON.parse(run.summary) as { resolver?: ResolverHealth }).resolver ?? null) : null;
  }
  if (!resolver) return null;
  if (resolver.status === 'ok') return { kind: 'resolver_blocked', active: [] };
  const what = { blocked: 'is blocked by the DNS blocklists', rewriting: 'rewrites DNS answers', unreachable: 'is not answering' }[resolver.status];
  const servers = resolver.servers.join(', ') || 'system default';
  return {
    kind: 'resolver_blocked',
    active: [
      {
        kind: 'resolver_blocked',
        subjectType: 'resolver',
        subjectId: 'dnsbl',
        subjectLabel: `DNS resolver (${servers})`,
        title: `DNS resolver ${resolver.status}: blocklist results are unknown`,
        detail: {
          status: resolver.status,
          reason: resolver.reason ?? null,
          servers: resolver.servers,
          isPublic: resolver.isPublic,
          text: [
            `The DNS resolver Inboxwatch uses for blocklist queries ${what}; verdicts are not trustworthy until this is fixed.`,
            resolver.reason ? `Why: ${resolver.reason}` : '',
            `Resolvers: ${servers}${resolver.isPublic ? ' (a public resolver: blocklist operators refuse those)' : ''}`,
            'Fix: point DNSBL_RESOLVER at a local recursive resolver without forwarders.',
          ]
            .filter(Boolean)
            .join('\n'),
        },
      },
    ],
  };
}
