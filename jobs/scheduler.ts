import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import type { PrismaClient } from '../lib/generated/prisma/client.ts';
import type { JobDefinition, ManualJobDefinition } from '../lib/jobs/job-definition.ts';
import { logger } from '../lib/logger.ts';
import { withSqliteRetry } from '../lib/db/with-sqlite-retry.ts';
import { validateCron } from '../lib/jobs/validate-cron.ts';
import { recoverStaleRuns } from '../lib/jobs/recover-stale-runs.ts';
import { runScheduledSlot } from '../lib/jobs/run-scheduled-slot.ts';
import { runQueuedJobs } from '../lib/jobs/run-queued-jobs.ts';
import { waitForRunningJobs } from '../lib/jobs/running-jobs.ts';
import { nextRunAt } from '../lib/jobs/next-run-at.ts';
import { JOBS, MANUAL_JOBS } from './registry.ts';

/** A started scheduler. `stop()` stops ticking, aborts runs in progress and waits for them to record their end. */
export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Start ticking every job of the registry (node-cron only ticks; runScheduledSlot claims the slot's JobRun, so
 * several processes never double-run a slot), and poll the queue of manual runs (check now, sweep now) every
 * `queuePollMs` (1000) with runQueuedJobs. Before the first tick: every cron is validated. Runs left `running` by a
 * stopped process (heartbeat older than 2 minutes) are marked failed at start and again on every tick, so a run
 * cut short while this process keeps running is closed within a tick. Errors are logged with their context.
 * @throws AppError('invalid_input') naming the variable when a cron expression is invalid.
 */
export async function startScheduler(
  params: { jobs?: JobDefinition[]; manualJobs?: ManualJobDefinition[]; db?: PrismaClient; queuePollMs?: number } = {},
): Promise<Scheduler> {
  const jobs = params.jobs ?? JOBS;
  const manualJobs = params.manualJobs ?? MANUAL_JOBS;
  const db = params.db;
  for (const job of jobs) validateCron({ expression: job.cron, name: job.cronSource });
  const recover = async (when: string) => {
    const recovered = await withSqliteRetry(() => recoverStaleRuns({ db }), { what: 'recover stale job runs' });
    if (recovered > 0) logger.warn({ recovered, when }, 'marked interrupted or abandoned job runs as failed');
  };
  await recover('start');
  const abort = new AbortController();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async (ctx) => {
        try {
          await recover(`tick of ${job.id}`);
          await runScheduledSlot({ jobId: job.id, slot: ctx.date, body: job.run, isIdle: job.isIdle, signal: abort.signal, db });
        } catch (err) {
          logger.error({ err, jobId: job.id, slot: ctx.date }, 'scheduler tick failed');
        }
      },
      { name: job.id },
    ),
  );
  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    runQueuedJobs({ jobs: manualJobs, db, signal: abort.signal })
      .catch((err: unknown) => logger.error({ err }, 'could not start queued job runs'))
      .finally(() => (polling = false));
  }, params.queuePollMs ?? 1000);
  for (const job of jobs) logger.info({ jobId: job.id, cron: job.cron, nextRunAt: nextRunAt({ cron: job.cron }) }, 'job scheduled');
  return {
    async stop() {
      clearInterval(poll);
      await Promise.all(tasks.map((t) => t.stop()));
      abort.abort(new DOMException('the scheduler is stopping', 'AbortError'));
      await waitForRunningJobs();
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
