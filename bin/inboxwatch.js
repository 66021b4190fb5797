#!/usr/bin/env node
// Entry point of `npx inboxwatch`: Node 24 runs the TypeScript sources directly (type stripping). The compile
// cache (Node's default directory) keeps the stripped and compiled modules between runs, so a check starts faster.
import module from 'node:module';

module.enableCompileCache();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
