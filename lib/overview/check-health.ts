import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';

/** True when the database answers a trivial query (`GET /api/health`); a failure is logged, never thrown. */
export async function checkHealth(params: { db?: PrismaClient } = {}): Promise<boolean> {
  const db = params.db ?? prisma;
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return true;
  } catch (err) {
    logger.warn({ err }, 'health check: the database did not answer');
    return false;
  }
}
