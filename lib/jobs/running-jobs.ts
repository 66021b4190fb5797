/** Runs executing in this process, by run id, with their job id (a job never overlaps itself in one process). */
const running = new Map<string, { jobId: string; done: Promise<unknown> }>();

/** The id of this process's run of `jobId` still executing, if any. */
export function runningRunId(jobId: string): string | undefined {
  for (const [runId, r] of running) if (r.jobId === jobId) return runId;
  return undefined;
}

/** Record `done` as this process's run `runId` of `jobId` until it settles. */
export function trackRun(params: { jobId: string; runId: string; done: Promise<unknown> }): void {
  running.set(params.runId, { jobId: params.jobId, done: params.done });
  void params.done.finally(() => running.delete(params.runId));
}

/** Wait for every run executing in this process (graceful shutdown). */
export async function waitForRunningJobs(): Promise<void> {
  await Promise.allSettled([...running.values()].map((r) => r.done));
}
