/** The shortest tick of the placement worker, seconds. */
export const MIN_WORK_INTERVAL_SECONDS = 5;

/**
 * The node-cron expression of the `placement.work` job from the poll interval (seconds): every max(5, n) seconds
 * as a 6-field cron below a minute (`*\/10 * * * * *`), else every whole number of minutes (`0 *\/2 * * * *`),
 * at most hourly (`0 0 * * * *`). A step that does not divide 60 restarts at each minute (cron semantics).
 */
export function placementWorkCron(params: { pollIntervalSeconds: number }): string {
  const seconds = Math.max(MIN_WORK_INTERVAL_SECONDS, Math.round(params.pollIntervalSeconds));
  if (seconds < 60) return `*/${seconds} * * * * *`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `0 */${minutes} * * * *` : '0 0 * * * *';
}
