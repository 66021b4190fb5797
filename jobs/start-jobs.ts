import { env } from '../lib/env.ts';
import { logger } from '../lib/logger.ts';
import { syncCatalog } from '../lib/zones/sync-catalog.ts';
import { startScheduler } from './scheduler.ts';
import type { Scheduler } from './scheduler.ts';

/**
 * Start-up shared by the web process (instrumentation.ts) and `npm run worker`: sync the zone catalog into the
 * database, then start the scheduler unless `jobsEnabled` is false (JOBS_ENABLED).
 * @returns the scheduler, or null when jobs are disabled in this process.
 */
export async function startJobs(params: { process: 'web' | 'worker'; jobsEnabled?: boolean }): Promise<Scheduler | null> {
  const synced = await syncCatalog();
  logger.info({ ...synced, process: params.process }, 'zone catalog synced');
  const enabled = params.jobsEnabled ?? env().JOBS_ENABLED;
  if (!enabled) {
    logger.info({ process: params.process }, 'scheduler disabled (JOBS_ENABLED=false)');
    return null;
  }
  const scheduler = await startScheduler();
  logger.info({ process: params.process }, 'scheduler started');
  return scheduler;
}
