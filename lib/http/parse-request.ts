import type { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * Format zod issues as one user-facing sentence: `label: must be a string; enabled: expected boolean`. A custom
 * issue raised on the whole body (a refinement whose message already names what is wrong, e.g. `bogus is not an
 * email address`) is given as it is.
 */
export function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      if (i.code === 'custom' && i.path.length === 0) return i.message;
      const where = i.path.length ? i.path.join('.') : 'body';
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Validate a value with a zod schema.
 * @throws AppError('invalid_input') naming every offending field.
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', formatIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * Read and validate a JSON request body. An empty body is parsed as `{}` so that all-optional bodies may be omitted.
 * @throws AppError('invalid_input') when the body is not JSON or does not match the schema.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError('invalid_input', 'the request body is not valid JSON');
    }
  }
  return parseWith(schema, value);
}

/**
 * Validate the URL query string (`?a=1&b=x`) as an object of strings; use `z.coerce` for numbers.
 * @throws AppError('invalid_input') naming the offending parameters.
 */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseWith(schema, params);
}
