import { createApiToken, ZCreateApiToken } from '../../../lib/api-tokens/create-api-token.ts';
import { listApiTokens } from '../../../lib/api-tokens/list-api-tokens.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await listApiTokens()));

export const POST = route(async (request: Request) => {
  const { name } = await parseJsonBody(request, ZCreateApiToken);
  return json(await createApiToken({ name }), 201);
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
