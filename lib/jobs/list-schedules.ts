import { nextRunAt } from './next-run-at.ts';

/** A job's schedule as `GET /api/jobs` answers: its cron and next fire time (null when it never fires again). */
export interface ScheduleView {
  jobId: string;
  cron: string;
  nextRunAt: Date | null;
}

/** Schedules of the given jobs (pass jobs/registry.ts's list). */
export function listSchedules(params: { jobs: { id: string; cron: string }[] }): ScheduleView[] {
  return params.jobs.map((j) => ({ jobId: j.id, cron: j.cron, nextRunAt: nextRunAt({ cron: j.cron }) }));
}
