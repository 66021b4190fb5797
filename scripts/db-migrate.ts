// Applies pending migrations to DATABASE_URL (what `prisma migrate deploy` does), then exits. A database locked by
// another starting process (web and worker together) is retried; failures are one JSON log line and exit 1.
import './load-env-file.ts';
import { applyMigrations } from '../lib/db/schema-engine.ts';
import { withSqliteRetry } from '../lib/db/with-sqlite-retry.ts';
import { env } from '../lib/env.ts';
import { logger } from '../lib/logger.ts';

try {
  const applied = await withSqliteRetry(() => applyMigrations({ databaseUrl: env().DATABASE_URL }), { what: 'apply migrations' });
  logger.info({ applied }, applied.length ? `applied migrations: ${applied.join(', ')}` : 'database is up to date');
} catch (err) {
  logger.fatal({ err }, 'could not apply database migrations');
  process.exitCode = 1;
}
