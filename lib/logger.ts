import pino from 'pino';
import { env } from './env.ts';

/**
 * The process logger (pino, JSON lines on stdout). Secrets are redacted by path; never log a password,
 * token or SMTP URL with credentials.
 */
export const logger = pino({
  level: env().LOG_LEVEL,
  redact: {
    paths: ['password', 'pass', 'secret', 'token', '*.password', '*.pass', '*.secret', '*.token', 'auth.pass'],
    censor: '[redacted]',
  },
});
