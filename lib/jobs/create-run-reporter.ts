import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';

/** Writes a running JobRun's progress and heartbeat. */
export interface RunReporter {
  /** Record done/total (queries); written at most once per `progressMs`, the last value always at stop(). */
  progress(p: { done: number; total: number }): void;
  /** Stop the heartbeat timer and write the last progress. */
  stop(): Promise<void>;
  /** The last progress reported (null before the first). */
  last(): { done: number; total: number } | null;
}

/**
 * Progress and liveness for one run: progressDone/progressTotal at most once a second, heartbeatAt every
 * `heartbeatMs` (5 s) from a timer, so a run stuck in slow DNS still shows it is alive and recoverStaleRuns
 * (2 min) only catches dead processes. Write failures are logged, never thrown into the job.
 */
export function createRunReporter(params: {
  id: string;
  db?: PrismaClient;
  now?: () => Date;
  heartbeatMs?: number;
  progressMs?: number;
}): RunReporter {
  const db = params.db ?? prisma;
  const now = params.now ?? (() => new Date());
  const progressMs = params.progressMs ?? 1000;
  let latest: { done: number; total: number } | null = null;
  let written: { done: number; total: number } | null = null;
  let lastWrite = 0;
  let chain: Promise<void> = Promise.resolve();
  const write = (data: { heartbeatAt: Date; progressDone?: number; progressTotal?: number }) => {
    chain = chain
      .then(async () => {
        await db.jobRun.update({ where: { id: params.id }, data });
      })
      .catch((err: unknown) => logger.warn({ err, jobRunId: params.id }, 'could not record job progress'));
    return chain;
  };
  const flushProgress = () => {
    if (!latest || (written && written.done === latest.done && written.total === latest.total)) return chain;
    written = latest;
    lastWrite = Date.now();
    return write({ heartbeatAt: now(), progressDone: latest.done, progressTotal: latest.total });
  };
  const timer = setInterval(() => void write({ heartbeatAt: now() }), params.heartbeatMs ?? 5000);
  timer.unref();
  return {
    progress(p) {
      latest = { done: p.done, total: p.total };
      if (Date.now() - lastWrite >= progressMs) void flushProgress();
    },
    async stop() {
      clearInterval(timer);
      await flushProgress();
      await chain;
    },
    last: () => latest,
  };
}
