import { env } from '../lib/env.ts';
import { isAppError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { withSqliteRetry } from '../lib/db/with-sqlite-retry.ts';
import { recordSchedulerProblem } from '../lib/jobs/scheduler-problem.ts';
import { syncCatalog } from '../lib/zones/sync-catalog.ts';
import { seedDefaultRules } from '../lib/alerts/seed-default-rules.ts';
import { startScheduler } from './scheduler.ts';
import type { Scheduler } from './scheduler.ts';

/**
 * Start-up shared by the web process (instrumentation.ts) and `npm run worker`: sync the zone catalog into the
 * database and create the default alert rules (both retried while another process holds the SQLite lock), then
 * start the scheduler unless `jobsEnabled` is false (JOBS_ENABLED).
 * - worker: any failure is thrown (the worker logs it and exits 1).
 * - web: a failure is logged with its context and recorded (recordSchedulerProblem, shown on the overview and
 *   the jobs page); the dashboard keeps serving with jobs off.
 * @returns the scheduler, or null when jobs are disabled or could not start in the web process.
 * @throws (worker only) AppError('invalid_input') for an invalid cron, or the database error.
 */
export async function startJobs(params: { process: 'web' | 'worker'; jobsEnabled?: boolean }): Promise<Scheduler | null> {
  try {
    const synced = await withSqliteRetry(() => syncCatalog(), { what: 'sync the zone catalog' });
    logger.info({ ...synced, process: params.process }, 'zone catalog synced');
    const rules = await withSqliteRetry(() => seedDefaultRules(), { what: 'seed the default alert rules' });
    if (rules > 0) logger.info({ rules, process: params.process }, 'default alert rules created');
    const enabled = params.jobsEnabled ?? env().JOBS_ENABLED;
    if (!enabled) {
      logger.info({ process: params.process }, 'scheduler disabled (JOBS_ENABLED=false)');
      return null;
    }
    const scheduler = await startScheduler();
    logger.info({ process: params.process }, 'scheduler started');
    return scheduler;
  } catch (err) {
    if (params.process === 'worker') throw err;
    const message = `scheduled jobs are off in this process: ${err instanceof Error ? err.message : String(err)}`;
    recordSchedulerProblem(message);
    if (isAppError(err)) logger.error({ process: params.process, code: err.code }, message);
    else logger.error({ err, process: params.process }, message);
    return null;
  }
}
