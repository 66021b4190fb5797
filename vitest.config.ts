import { defineConfig } from 'vitest/config';

// One `npm test` runs every tier: unit (pure, in-process peers), integration (real SQLite files),
// system (Debian's rbldnsd and friends on loopback), e2e (the app started as the README says) and
// browser (Debian's chromium through playwright-core).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
