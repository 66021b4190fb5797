// `npm run db:migration -- <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL
// that takes a database migrated to the current migrations to prisma/schema.prisma (like `prisma migrate dev
// --create-only`, using a scratch SQLite file as the shadow database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations, diffDatabaseToSchema, isEmptyMigration, LOCKFILE_CONTENT, MIGRATIONS_DIR } from '../lib/db/schema-engine.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (name: lower-case letters, digits and _)');
  process.exit(2);
}

const shadowDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-shadow-'));
const shadowUrl = `file:${path.join(shadowDir, 'shadow.db')}`;
try {
  await applyMigrations({ databaseUrl: shadowUrl });
  const sql = await diffDatabaseToSchema({ databaseUrl: shadowUrl });
  if (isEmptyMigration(sql)) {
    console.log('No schema changes: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(lock, LOCKFILE_CONTENT);
    }
    console.log(`Wrote ${dir}/migration.sql`);
  }
} finally {
  fs.rmSync(shadowDir, { recursive: true, force: true });
}
