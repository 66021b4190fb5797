import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger.ts';

/**
 * True for SQLite's "another connection holds the lock" failures (SQLITE_BUSY / SQLITE_LOCKED, libSQL's
 * `database is locked (5)`), anywhere in the error's cause chain. These are transient between separate web and
 * worker processes on one SQLite file (design §2, test-stack.md).
 */
export function isSqliteBusy(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
    const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
    if (/database is locked|database table is locked|SQLITE_BUSY/i.test(message)) return true;
  }
  return false;
}

/**
 * Run a database write, retrying it with exponential backoff while SQLite reports the database locked (design §2:
 * separate processes on SQLite retry such writes). Waits `baseMs` (100 ms), then double, up to `tries` (6) attempts
 * (about 3 s in all); each retry is logged at warn with `what` and the attempt. Other errors are thrown at once.
 * @throws the last error when every attempt found the database locked, or any other error.
 */
export async function withSqliteRetry<T>(
  fn: () => Promise<T>,
  params: { what: string; tries?: number; baseMs?: number; wait?: (ms: number) => Promise<unknown> },
): Promise<T> {
  const tries = params.tries ?? 6;
  const wait = params.wait ?? ((ms: number) => sleep(ms));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isSqliteBusy(err) || attempt >= tries) throw err;
      const delayMs = (params.baseMs ?? 100) * 2 ** (attempt - 1);
      logger.warn({ what: params.what, attempt, delayMs, err: (err as Error).message }, 'database is locked by another process; retrying');
      await wait(delayMs);
    }
  }
}
