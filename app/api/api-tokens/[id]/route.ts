import { deleteApiToken } from '../../../../lib/api-tokens/delete-api-token.ts';
import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';
import { noContent, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const DELETE = route(async (_request: Request, ctx: Ctx) => {
  await deleteApiToken({ id: (await ctx.params).id });
  return noContent();
});

export const { GET, POST, PUT, PATCH } = otherMethods(['DELETE']);
