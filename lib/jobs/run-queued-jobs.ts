import type { JobRun, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { withSqliteRetry } from '../db/with-sqlite-retry.ts';
import { executeJobRun } from './execute-job-run.ts';
import type { ManualJobDefinition } from './job-definition.ts';
import { trackRun } from './running-jobs.ts';

/**
 * Start the queued manual runs (enqueueManualRun) of the given jobs, oldest first. Each is claimed atomically
 * (`queued` → `running` only if still queued), so two schedulers polling the same database never both run one;
 * its `summary` (the payload) is parsed and handed to the job. Runs execute in the background, tracked for
 * graceful shutdown; the returned promises settle when each run has recorded its end.
 * @returns the runs started by this call.
 */
export async function runQueuedJobs(params: {
  jobs: ManualJobDefinition[];
  db?: PrismaClient;
  signal?: AbortSignal;
  now?: () => Date;
}): Promise<{ id: string; jobId: string; done: Promise<unknown> }[]> {
  const db = params.db ?? prisma;
  const now = params.now ?? (() => new Date());
  const byId = new Map(params.jobs.map((j) => [j.id, j]));
  const queued = await db.jobRun.findMany({
    where: { status: 'queued', jobId: { in: [...byId.keys()] } },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  });
  const started: { id: string; jobId: string; done: Promise<unknown> }[] = [];
  for (const run of queued) {
    const at = now();
    const claimed = await withSqliteRetry(
      () => db.jobRun.updateMany({ where: { id: run.id, status: 'queued' }, data: { status: 'running', startedAt: at, heartbeatAt: at } }),
      { what: `claim queued run ${run.id}` },
    );
    if (claimed.count === 0) continue;
    const job = byId.get(run.jobId)!;
    const payload = parsePayload(run);
    logger.info({ jobId: run.jobId, jobRunId: run.id, payload }, 'queued run started');
    const done = executeJobRun({ run, db, now: params.now, signal: params.signal, body: (ctx) => job.run({ payload, ctx, db }) });
    trackRun({ jobId: run.jobId, runId: run.id, done });
    started.push({ id: run.id, jobId: run.jobId, done });
  }
  return started;
}

function parsePayload(run: Pick<JobRun, 'summary'>): Record<string, unknown> {
  try {
    const value: unknown = run.summary ? JSON.parse(run.summary) : {};
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
