import cron from 'node-cron';
import { AppError } from '../errors.ts';

/**
 * Check a cron expression (node-cron syntax: 5 fields, or 6 with seconds first) before scheduling it.
 * @throws AppError('invalid_input') naming the variable and each invalid field,
 *   e.g. `DNSBL_SWEEP_CRON "61 * * * *" is not a valid cron expression: 61 is a invalid expression for minute`.
 */
export function validateCron(params: { expression: string; name: string }): void {
  const { expression, name } = params;
  let details = '';
  try {
    const v = cron.validateDetailed(expression);
    if (v.valid && cron.validate(expression)) return;
    details = v.errors.map((e) => e.message).join('; ');
  } catch (err) {
    details = err instanceof Error ? err.message : String(err);
  }
  throw new AppError(
    'invalid_input',
    `${name} "${expression}" is not a valid cron expression${details ? `: ${details}` : ''} (example: */30 * * * *)`,
  );
}
