/** Runs executing in this process, by job id (a job never overlaps itself in one process). */
const running = new Map<string, { runId: string; done: Promise<unknown> }>();

/** The id of this process's run of `jobId` still executing, if any. */
export function runningRunId(jobId: string): string | undefined {
  return running.get(jobId)?.runId;
}

/** Record `done` as this process's run of `jobId` until it settles. */
export function trackRun(params: { jobId: string; runId: string; done: Promise<unknown> }): void {
  const entry = { runId: params.runId, done: params.done };
  running.set(params.jobId, entry);
  void params.done.finally(() => {
    if (running.get(params.jobId) === entry) running.delete(params.jobId);
  });
}

/** Wait for every run executing in this process (graceful shutdown). */
export async function waitForRunningJobs(): Promise<void> {
  await Promise.allSettled([...running.values()].map((r) => r.done));
}
