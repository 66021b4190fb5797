import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  applyMigrations,
  diffDatabaseToSchema,
  isEmptyMigration,
  listMigrations,
} from '../../../lib/db/schema-engine.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-migrations-'));
const url = `file:${path.join(dir, 'fresh.db')}`;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every migration applies to a fresh SQLite file, once', async () => {
  const names = listMigrations();
  expect(names.length).toBeGreaterThan(0);
  expect(await applyMigrations({ databaseUrl: url })).toEqual(names);
  expect(await applyMigrations({ databaseUrl: url })).toEqual([]);
});

test('the migrated database matches prisma/schema.prisma (empty drift diff)', async () => {
  const sql = await diffDatabaseToSchema({ databaseUrl: url });
  expect(sql).toContain('This is an empty migration');
  expect(isEmptyMigration(sql)).toBe(true);
});
