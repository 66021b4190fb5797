// Runs `next build` when there is no production build yet, or when a source file is newer than it, so that
// `npm start` works on a fresh clone and after an update. A lock folder keeps two starts from building at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BUILD_ID = '.next/BUILD_ID';
const LOCK = '.next-build.lock';
const LOCK_WAIT_MS = 10 * 60 * 1000;
const SOURCES = ['app', 'lib', 'jobs', 'instrumentation.ts', 'next.config.js', 'package.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isStale(): boolean {
  const built = fs.existsSync(BUILD_ID) ? fs.statSync(BUILD_ID).mtimeMs : 0;
  return built === 0 || Math.max(...SOURCES.map(newestMtime)) > built;
}

function acquireLock(): void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() > deadline) throw new Error(`${LOCK} held for over 10 minutes; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

if (isStale()) {
  acquireLock();
  try {
    if (isStale()) {
      console.log('Building the app (next build) …');
      const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
      if (result.status !== 0) process.exitCode = result.status ?? 1;
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
