import cron from 'node-cron';

/**
 * The next time a cron expression fires after now (server's local time zone, as the scheduler uses), or null
 * when it never fires again or is not valid (the scheduler refuses it at start, see validateCron). Uses
 * node-cron's own matcher on an unstarted task, so the answer is what the scheduler will do.
 */
export function nextRunAt(params: { cron: string }): Date | null {
  if (!cron.validate(params.cron)) return null;
  const task = cron.createTask(params.cron, () => {});
  try {
    return task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
}
