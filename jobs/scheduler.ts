import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import type { JobDefinition } from '../lib/jobs/job-definition.ts';
import { logger } from '../lib/logger.ts';
import { validateCron } from '../lib/jobs/validate-cron.ts';
import { recoverStaleRuns } from '../lib/jobs/recover-stale-runs.ts';
import { runScheduledSlot } from '../lib/jobs/run-scheduled-slot.ts';
import { waitForRunningJobs } from '../lib/jobs/running-jobs.ts';
import { nextRunAt } from '../lib/jobs/next-run-at.ts';
import { JOBS } from './registry.ts';

/** A started scheduler. `stop()` stops ticking, aborts runs in progress and waits for them to record their end. */
export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Start ticking every job of the registry (node-cron only ticks; runScheduledSlot claims the slot's JobRun, so
 * several processes never double-run a slot). Before the first tick: every cron is validated and runs left
 * `running` by a stopped process are marked failed.
 * @throws AppError('invalid_input') naming the variable when a cron expression is invalid.
 */
export async function startScheduler(params: { jobs?: JobDefinition[] } = {}): Promise<Scheduler> {
  const jobs = params.jobs ?? JOBS;
  for (const job of jobs) validateCron({ expression: job.cron, name: job.cronSource });
  const recovered = await recoverStaleRuns();
  if (recovered > 0) logger.warn({ recovered }, 'marked interrupted job runs as failed');
  const abort = new AbortController();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async (ctx) => {
        try {
          await runScheduledSlot({ jobId: job.id, slot: ctx.date, body: job.run, signal: abort.signal });
        } catch (err) {
          logger.error({ err, jobId: job.id }, 'scheduler tick failed');
        }
      },
      { name: job.id },
    ),
  );
  for (const job of jobs) logger.info({ jobId: job.id, cron: job.cron, nextRunAt: nextRunAt({ cron: job.cron }) }, 'job scheduled');
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      abort.abort(new DOMException('the scheduler is stopping', 'AbortError'));
      await waitForRunningJobs();
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
