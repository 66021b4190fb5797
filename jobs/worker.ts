// `npm run worker`: the scheduler alone, for deployments that run web (JOBS_ENABLED=false) and worker apart.
// Every failure is one JSON log line (pino) with its context; a start-up failure exits 1.
import '../scripts/load-env-file.ts';
import { prisma } from '../lib/db.ts';
import { isAppError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { startJobs } from './start-jobs.ts';
import type { Scheduler } from './scheduler.ts';

async function fail(err: unknown, msg: string): Promise<never> {
  // A configuration mistake (an invalid cron…) is one clear sentence, without a stack.
  if (isAppError(err)) logger.fatal({ process: 'worker', code: err.code }, err.message);
  else logger.fatal({ err, process: 'worker' }, msg);
  await prisma.$disconnect().catch(() => {});
  process.exit(1);
}

process.on('unhandledRejection', (err) => void fail(err, 'worker failed: unhandled rejection'));
process.on('uncaughtException', (err) => void fail(err, 'worker failed: uncaught exception'));

let scheduler: Scheduler | null = null;
try {
  scheduler = await startJobs({ process: 'worker', jobsEnabled: true });
} catch (err) {
  await fail(err, 'worker could not start');
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping');
  await scheduler?.stop();
  await prisma.$disconnect();
  logger.info('worker stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
