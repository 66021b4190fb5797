let tail: Promise<unknown> = Promise.resolve();

/**
 * Run sweeps of this process one after another: a "check now" arriving during the scheduled sweep waits for
 * it, so two sweeps never apply results to the same Listing rows at once (each keeps its rows in memory).
 */
export function withSweepLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
