import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { withSqliteRetry } from '../db/with-sqlite-retry.ts';

/**
 * Close a run: status `succeeded` with its summary (stored as JSON), or `failed` with the error message.
 * `progress`, when given, is written as the final progressDone/progressTotal. A locked database is retried.
 */
export async function finishJobRun(params: {
  id: string;
  status: 'succeeded' | 'failed';
  summary?: unknown;
  error?: string;
  progress?: { done: number; total: number };
  db?: PrismaClient;
  now?: () => Date;
}): Promise<void> {
  const db = params.db ?? prisma;
  const now = (params.now ?? (() => new Date()))();
  await withSqliteRetry(() => db.jobRun.update({
    where: { id: params.id },
    data: {
      status: params.status,
      finishedAt: now,
      heartbeatAt: now,
      ...(params.summary !== undefined ? { summary: JSON.stringify(params.summary) } : {}),
      ...(params.error !== undefined ? { error: params.error } : {}),
      ...(params.progress ? { progressDone: params.progress.done, progressTotal: params.progress.total } : {}),
    },
  }), { what: `finish job run ${params.id}` });
}
