import type { JobRun, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** One JobRun as `GET /api/jobs` answers it; `summary` is the parsed JSON the job wrote. */
export interface JobRunView {
  id: string;
  jobId: string;
  trigger: string;
  status: string;
  startedAt: Date;
  finishedAt?: Date;
  progressDone: number;
  progressTotal: number;
  summary?: unknown;
  error?: string;
}

/** Shape a JobRun row for the API. */
export function toJobRunView(r: JobRun): JobRunView {
  return {
    id: r.id,
    jobId: r.jobId,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt,
    ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    progressDone: r.progressDone,
    progressTotal: r.progressTotal,
    ...(r.summary ? { summary: JSON.parse(r.summary) as unknown } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

/** The most recent runs, newest first (`limit` default 50). */
export async function listJobRuns(params: { limit?: number; db?: PrismaClient } = {}): Promise<JobRunView[]> {
  const db = params.db ?? prisma;
  const rows = await db.jobRun.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], take: params.limit ?? 50 });
  return rows.map(toJobRunView);
}
