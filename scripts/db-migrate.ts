// Applies pending migrations to DATABASE_URL (what `prisma migrate deploy` does), then exits.
import { applyMigrations } from '../lib/db/schema-engine.ts';
import { env } from '../lib/env.ts';

const applied = await applyMigrations({ databaseUrl: env().DATABASE_URL });
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
