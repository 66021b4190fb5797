import type { ErrorEnvelope } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** Any /api path no route serves: 404 in the JSON error envelope (never Next's HTML page), for every method. */
async function notFound(request: Request): Promise<Response> {
  const body: ErrorEnvelope = {
    error: { message: `no API route ${new URL(request.url).pathname}; see the JSON API table in README.md`, code: 'not_found' },
  };
  return Response.json(body, { status: 404 });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
