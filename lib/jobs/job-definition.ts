import type { JobBody } from './execute-job-run.ts';

/** A scheduled job (style rule 6): dotted id, cron expression (node-cron syntax), and a body calling lib/. */
export interface JobDefinition {
  id: string;
  cron: string;
  /** The environment variable the cron comes from, named in validation errors. */
  cronSource: string;
  run: JobBody<unknown>;
}
