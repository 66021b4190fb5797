import { validateCron } from './validate-cron.ts';

/** Shared across the module copies Next.js bundles (instrumentation and route handlers), like lib/db.ts's client. */
const state = globalThis as unknown as { inboxwatchSchedulerProblem?: string };

/** Record why this process's scheduler did not start (shown on the overview and the jobs page). */
export function recordSchedulerProblem(message: string): void {
  state.inboxwatchSchedulerProblem = message;
}

/**
 * Why scheduled jobs are not running, in words, or undefined: the problem this process recorded at start, else the
 * first of `crons` that is not valid (a separate worker refuses to start on it; validateCron's message).
 */
export function schedulerProblem(params: { crons: { expression: string; name: string }[] }): string | undefined {
  if (state.inboxwatchSchedulerProblem) return state.inboxwatchSchedulerProblem;
  for (const c of params.crons) {
    try {
      validateCron(c);
    } catch (err) {
      return `scheduled jobs cannot run: ${(err as Error).message}`;
    }
  }
  return undefined;
}
