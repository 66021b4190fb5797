import type { JobRun, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { createRunReporter } from './create-run-reporter.ts';
import { finishJobRun } from './finish-job-run.ts';

/** What a job's `run` receives: its JobRun id, a progress callback (done/total) and a stop signal. */
export interface JobContext {
  jobRunId: string;
  progress(p: { done: number; total: number }): void;
  signal?: AbortSignal;
}

/** A job body: does its work through lib/ and returns a JSON-serialisable summary. */
export type JobBody<S> = (ctx: JobContext) => Promise<S>;

/**
 * Run a claimed JobRun to its end: heartbeat and progress while it runs, then `succeeded` with the summary and
 * progressTotal = progressDone (a finished run reads 100 %), or `failed` with the error message (never rethrown: the run row is the record). Logs one summary line.
 * @returns the final status with the summary or error.
 */
export async function executeJobRun<S>(params: {
  run: Pick<JobRun, 'id' | 'jobId'>;
  body: JobBody<S>;
  signal?: AbortSignal;
  db?: PrismaClient;
  now?: () => Date;
}): Promise<{ status: 'succeeded'; summary: S } | { status: 'failed'; error: string }> {
  const db = params.db ?? prisma;
  const { run } = params;
  const reporter = createRunReporter({ id: run.id, db, now: params.now });
  try {
    const summary = await params.body({ jobRunId: run.id, progress: (p) => reporter.progress(p), signal: params.signal });
    await reporter.stop();
    // A finished run did all the work it planned: queries never sent (zones found unhealthy, budget refusals)
    // were in the estimate, so the final total is what was done (100 %).
    const last = reporter.last();
    const progress = last ? { done: last.done, total: last.done } : undefined;
    await finishJobRun({ id: run.id, status: 'succeeded', summary, progress, db, now: params.now });
    logger.info({ jobId: run.jobId, jobRunId: run.id, summary }, 'job run succeeded');
    return { status: 'succeeded', summary };
  } catch (err) {
    await reporter.stop();
    const error = err instanceof Error ? err.message : String(err);
    await finishJobRun({ id: run.id, status: 'failed', error, db, now: params.now });
    logger.error({ jobId: run.jobId, jobRunId: run.id, err }, 'job run failed');
    return { status: 'failed', error };
  }
}
