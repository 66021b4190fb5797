// Runs `next build` when there is no production build yet, or when a source file is newer than it, so that
// `npm start` works on a fresh clone and after an update.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BUILD_ID = '.next/BUILD_ID';
const SOURCES = ['app', 'lib', 'jobs', 'instrumentation.ts', 'next.config.js', 'package.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const built = fs.existsSync(BUILD_ID) ? fs.statSync(BUILD_ID).mtimeMs : 0;
const sources = Math.max(...SOURCES.map(newestMtime));
if (built === 0 || sources > built) {
  console.log(built === 0 ? 'No production build yet: running next build …' : 'Sources changed: rebuilding …');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
