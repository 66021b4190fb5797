/**
 * Error codes shared by lib/, the API envelope and the CLI. Each code names one kind of failure:
 * - `invalid_input`: the caller sent something malformed (an IP, CIDR, domain, cron expression, JSON body …); 400.
 * - `range_too_large`: a CIDR range above the supported size (IPv4 /16); 400.
 * - `unauthorized`: a missing or invalid API token (Authorization: Bearer, POST /api/usage); 401.
 * - `not_found`: the addressed record does not exist; 404.
 * - `conflict`: the record already exists (e.g. the same asset twice); 409.
 * - `unavailable`: a dependency the request needs is not configured or not reachable (e.g. alert SMTP); 503.
 */
export type AppErrorCode = 'invalid_input' | 'range_too_large' | 'unauthorized' | 'not_found' | 'conflict' | 'unavailable';

const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  range_too_large: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

/** An expected failure with a stable code and a message meant for the user. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;

  constructor(code: AppErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
  }
}

/** True when `err` is an AppError (also across module copies, by name and code). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError || (err instanceof Error && err.name === 'AppError' && 'code' in err);
}
