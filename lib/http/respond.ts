import { AppError, isAppError } from '../errors.ts';
import { logger } from '../logger.ts';

/** The one error envelope every route answers with: `{ error: { message, code } }` (README "JSON API"). */
export interface ErrorEnvelope {
  error: { message: string; code: string };
}

/** A JSON response (`status` defaults to 200). Dates serialise as ISO 8601 UTC strings. */
export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}

/** An empty 204 response (e.g. after DELETE). */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/**
 * Turn any thrown value into the error envelope. AppError keeps its code and status (4xx/503); anything else is
 * a bug or an outage: logged with its stack and answered 500 `internal` without internals in the message.
 */
export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const e = err as AppError;
    const body: ErrorEnvelope = { error: { message: e.message, code: e.code } };
    return Response.json(body, { status: e.status });
  }
  logger.error({ err }, 'unexpected error in a route handler');
  const body: ErrorEnvelope = { error: { message: 'internal error; see the server log', code: 'internal' } };
  return Response.json(body, { status: 500 });
}

/**
 * Wrap a route handler so every failure becomes the error envelope.
 * @example export const GET = route(async () => json(await listZones()));
 */
export function route<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
