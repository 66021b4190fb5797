import { setTimeout as sleep } from 'node:timers/promises';
import type { JobRun, PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/**
 * Poll a JobRun until it is finished (`succeeded` or `failed`), it is still `queued` after `pickupMs`, or
 * `timeoutMs` has passed. Reads only; the caller decides what a queued or unfinished run means.
 * `pollMs` default 250; `timeoutMs` default 280,000 (under a route's 300 s limit); `pickupMs` default 30,000.
 * @returns the run as last read, and why the wait ended.
 * @throws Error when the run does not exist (it was deleted).
 */
export async function waitForRun(params: {
  id: string;
  db?: PrismaClient;
  pollMs?: number;
  pickupMs?: number;
  timeoutMs?: number;
}): Promise<{ run: JobRun; ended: 'finished' | 'not_picked_up' | 'timeout' }> {
  const db = params.db ?? prisma;
  const started = Date.now();
  for (;;) {
    const run = await db.jobRun.findUnique({ where: { id: params.id } });
    if (!run) throw new Error(`job run ${params.id} no longer exists`);
    if (run.status === 'succeeded' || run.status === 'failed') return { run, ended: 'finished' };
    const waited = Date.now() - started;
    if (run.status === 'queued' && waited >= (params.pickupMs ?? 30_000)) return { run, ended: 'not_picked_up' };
    if (waited >= (params.timeoutMs ?? 280_000)) return { run, ended: 'timeout' };
    await sleep(params.pollMs ?? 250);
  }
}
