// `npm run worker`: the scheduler alone, for deployments that run web (JOBS_ENABLED=false) and worker apart.
import { prisma } from '../lib/db.ts';
import { logger } from '../lib/logger.ts';
import { startJobs } from './start-jobs.ts';

const scheduler = await startJobs({ process: 'worker', jobsEnabled: true });

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
