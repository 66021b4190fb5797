import cron from 'node-cron';

/** How many fire times are sampled; beyond this many in a day the rate is extrapolated from the sample. */
const SAMPLE = 200;
const DAY_MS = 86_400_000;

/**
 * How many times a cron expression fires in the 24 hours after `now` (node-cron's own matcher, as the scheduler
 * uses it), e.g. 48 for `*\/30 * * * *`, 86,400 for `* * * * * *`. A cron that fires more than 200 times a day
 * is extrapolated from its first 200 fire times. 0 for an invalid expression.
 */
export function runsPerDay(params: { cron: string; now?: () => Date }): number {
  if (!cron.validate(params.cron)) return 0;
  const from = (params.now ?? (() => new Date()))().getTime();
  const task = cron.createTask(params.cron, () => {});
  try {
    const runs = task.getNextRuns(SAMPLE).map((d) => d.getTime());
    const within = runs.filter((t) => t < from + DAY_MS).length;
    if (within < runs.length || runs.length < 2) return within;
    const span = runs[runs.length - 1] - runs[0];
    return span > 0 ? Math.round(((runs.length - 1) * DAY_MS) / span) : runs.length;
  } finally {
    void task.destroy();
  }
}
