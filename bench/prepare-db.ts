/**
 * `DATABASE_URL=file:… node bench/prepare-db.ts '<size json>'`: a fresh migrated SQLite file (Prisma's migrations,
 * lib/db/schema-engine.ts) holding the first `size.zones` bench zones as the catalog and the bench range as one
 * asset. The benchmark copies it before every `ours-db` run, so each run starts on a fresh database.
 */
import { applyMigrations } from '../lib/db/schema-engine.ts';
import { benchDefinition, benchZones, rangeOf } from './zones.ts';
import type { BenchSize } from './zones.ts';

const size = JSON.parse(process.argv[2]) as BenchSize;
await applyMigrations({});
const { syncCatalog } = await import('../lib/zones/sync-catalog.ts');
const { createAsset } = await import('../lib/assets/create-asset.ts');
const { prisma } = await import('../lib/db.ts');
await syncCatalog({ catalog: benchZones().slice(0, size.zones).map(benchDefinition) });
await createAsset({ value: rangeOf(size).cidr });
await prisma.$disconnect();
