import fs from 'node:fs';
import path from 'node:path';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaClient } from './generated/prisma/client.ts';
import { env } from './env.ts';

/** SQLite busy timeout in ms: how long a writer waits for another writer's lock (libSQL's default is 0). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Resolve a `file:` database URL to an absolute file path and create its folder.
 * @throws Error when the URL is not a `file:` URL.
 */
export function databaseFile(url: string = env().DATABASE_URL): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got ${url}`);
  const file = path.resolve(url.slice('file:'.length));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** A libSQL driver adapter factory for the configured SQLite file. */
export function createAdapter(url: string = env().DATABASE_URL): PrismaLibSql {
  return new PrismaLibSql({ url: `file:${databaseFile(url)}`, timeout: BUSY_TIMEOUT_MS });
}

const globalForPrisma = globalThis as unknown as { inboxwatchPrisma?: PrismaClient };

/** The process-wide Prisma client (one per process, kept across Next.js dev reloads). */
export const prisma: PrismaClient = globalForPrisma.inboxwatchPrisma ?? new PrismaClient({ adapter: createAdapter() });
globalForPrisma.inboxwatchPrisma = prisma;
