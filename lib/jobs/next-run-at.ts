import cron from 'node-cron';

/**
 * The next time a cron expression fires after now (server's local time zone, as the scheduler uses), or null
 * when it never fires again. Uses node-cron's own matcher on an unstarted task, so the answer is what the
 * scheduler will do. Expects a valid expression (see validateCron).
 */
export function nextRunAt(params: { cron: string }): Date | null {
  const task = cron.createTask(params.cron, () => {});
  try {
    return task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
}
