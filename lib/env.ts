import { z } from 'zod';
import { parseServer } from './dnsbl/resolver-servers.ts';

/**
 * The one place that reads process.env (lib/worker-env.ts only copies it for worker threads). Every variable is
 * documented in .env.example.
 * Throws at first use with a message naming each invalid variable.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const bool = z.preprocess(
  (v) => (typeof v === 'string' ? ['1', 'true', 'yes', 'on'].includes(v.toLowerCase()) : v),
  z.boolean(),
);
const int = (def: number, min: number, max: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(def));

const ZEnv = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default('file:./data/inboxwatch.db')),
  JOBS_ENABLED: z.preprocess(emptyAsUndefined, bool.default(true)),
  /** Finished JobRuns older than this many days are deleted by the daily `jobs.prune` job. */
  JOB_RUN_RETENTION_DAYS: int(30, 1, 3650),
  DNSBL_SWEEP_CRON: z.preprocess(emptyAsUndefined, z.string().default('*/30 * * * *')),
  DNSBL_RESOLVER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .superRefine((value, ctx) => {
        for (const spec of value.split(',').filter((p) => p.trim() !== '')) {
          try {
            parseServer(spec);
          } catch (err) {
            ctx.addIssue({ code: 'custom', message: `${(err as Error).message}; expected ip:port[,ip:port], e.g. 127.0.0.1:53` });
          }
        }
      })
      .optional(),
  ),
  DNSBL_TIMEOUT_MS: int(2000, 50, 60000),
  DNSBL_TRIES: int(2, 1, 5),
  DNSBL_CONCURRENCY: int(100, 1, 1000),
  DNSBL_ZONE_CONCURRENCY: int(25, 1, 1000),
  DNSBL_CONFIRM_DELAY_MS: int(2000, 0, 600000),
  ALERT_EMAIL_TO: z.preprocess(emptyAsUndefined, z.string().optional()),
  ALERT_EMAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Inboxwatch <inboxwatch@localhost>')),
  ALERT_SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((s) => /^smtps?:\/\//.test(s), 'ALERT_SMTP_URL must start with smtp:// or smtps://')
      .optional(),
  ),
  ALERT_SMTP_TLS_REJECT_UNAUTHORIZED: z.preprocess(emptyAsUndefined, bool.default(true)),
  ENCRYPTION_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((s) => Buffer.from(s, 'base64').length === 32, 'ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  PLACEMENT_COLLECT_DEADLINE_SECONDS: int(1800, 1, 7 * 86400),
  PLACEMENT_POLL_INTERVAL_SECONDS: int(30, 1, 3600),
  PLACEMENT_RETRY_INTERVAL_SECONDS: int(900, 1, 86400),
  PLACEMENT_GIVE_UP_SECONDS: int(14400, 1, 7 * 86400),
  PLACEMENT_DEFAULT_CRON: z.preprocess(emptyAsUndefined, z.string().default('0 */6 * * *')),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/**
 * Parsed, validated environment. Cached after the first call.
 * @throws Error listing every invalid variable and why.
 */
export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the cached environment (tests change process.env between cases). */
export function resetEnv(): void {
  cached = undefined;
}
