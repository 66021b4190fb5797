import type { ErrorEnvelope } from './respond.ts';

/** The methods a route file can answer; Next.js answers HEAD and OPTIONS itself. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/**
 * A 405 in the JSON error envelope, with the `Allow` header (RFC 9110 §15.5.6):
 * `{ "error": { "message": "PUT is not allowed on /api/assets; use GET or POST", "code": "method_not_allowed" } }`.
 */
export function methodNotAllowedResponse(params: { method: string; path: string; allowed: readonly string[] }): Response {
  const body: ErrorEnvelope = {
    error: {
      message: `${params.method} is not allowed on ${params.path}; use ${params.allowed.join(' or ')}`,
      code: 'method_not_allowed',
    },
  };
  return Response.json(body, { status: 405, headers: { allow: params.allowed.join(', ') } });
}

/**
 * Handlers for every method a route does not implement, so Next.js answers them with the JSON envelope instead of
 * an empty 405. Spread into the route's exports:
 * @example export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
 */
export function otherMethods(allowed: readonly Method[]): Record<Method, (request: Request) => Promise<Response>> {
  const handler = async (request: Request) =>
    methodNotAllowedResponse({ method: request.method, path: new URL(request.url).pathname, allowed });
  return Object.fromEntries(METHODS.map((m) => [m, handler])) as Record<Method, (request: Request) => Promise<Response>>;
}
