import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Observation } from './alert-types.ts';

/**
 * job_failed: every job (JobRun.jobId) whose latest finished run failed, with that run's id and error. The incident
 * is per job: a later successful run of the same job resolves it.
 */
export async function gatherJobConditions(p: { db: PrismaClient }): Promise<Observation> {
  const latest = await p.db.jobRun.groupBy({ by: ['jobId'], where: { status: { in: ['succeeded', 'failed'] } }, _max: { finishedAt: true } });
  const runs = await p.db.jobRun.findMany({
    where: { OR: latest.filter((l) => l._max.finishedAt).map((l) => ({ jobId: l.jobId, finishedAt: l._max.finishedAt as Date })) },
    select: { id: true, jobId: true, status: true, error: true, finishedAt: true },
  });
  const failed = runs.filter((r) => r.status === 'failed');
  return {
    kind: 'job_failed',
    active: failed.map((r) => ({
      kind: 'job_failed' as const,
      subjectType: 'job',
      subjectId: r.jobId,
      subjectLabel: r.jobId,
      title: `Job ${r.jobId} failed`,
      detail: { jobRunId: r.id, error: r.error, finishedAt: r.finishedAt?.toISOString() ?? null },
    })),
  };
}
