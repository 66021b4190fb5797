import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resetEnv } from '../../lib/env.ts';
import type { PrismaClient } from '../../lib/generated/prisma/client.ts';

/**
 * A migrated scratch SQLite file for one test file. Sets DATABASE_URL before `lib/db.ts` is first imported, so
 * the process-wide `prisma` (the default of every lib function) points at it. Call once per test file, in
 * `beforeAll`, and `cleanup()` in `afterAll`. vitest runs each file in its own process (pool: forks).
 */
export async function setupTestDb(): Promise<{ prisma: PrismaClient; url: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-it-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= 'silent';
  resetEnv();
  // Imported only now: lib/db.ts creates the process-wide client from DATABASE_URL when first imported.
  const { applyMigrations } = await import('../../lib/db/schema-engine.ts');
  await applyMigrations({ databaseUrl: url });
  const { prisma, databaseFile } = await import('../../lib/db.ts');
  if (databaseFile() !== databaseFile(url)) throw new Error('lib/db.ts was imported before setupTestDb(); import lib modules dynamically');
  return {
    prisma,
    url,
    cleanup: async () => {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Delete every row of every model (between tests of one file). */
export async function clearTables(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction([
    prisma.notification.deleteMany(),
    prisma.incident.deleteMany(),
    prisma.alertChannel.deleteMany(),
    prisma.alertRule.deleteMany(),
    prisma.reputationSnapshot.deleteMany(),
    prisma.apiToken.deleteMany(),
    prisma.quota.deleteMany(),
    prisma.placementResult.deleteMany(),
    prisma.placementTest.deleteMany(),
    prisma.usageEvent.deleteMany(),
    prisma.seedMailbox.deleteMany(),
    prisma.smtpServer.deleteMany(),
    prisma.listingEvent.deleteMany(),
    prisma.listing.deleteMany(),
    prisma.assetZoneCheck.deleteMany(),
    prisma.assetCheck.deleteMany(),
    prisma.asset.deleteMany(),
    prisma.zone.deleteMany(),
    prisma.jobRun.deleteMany(),
    prisma.setting.deleteMany(),
  ]);
}
