import { listListings, ZListingsQuery } from '../../../../../lib/listings/list-listings.ts';
import { parseQuery } from '../../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async (request: Request, ctx: RouteContext<{ id: string }>) => {
  const query = parseQuery(request, ZListingsQuery);
  return json(await listListings({ assetId: (await ctx.params).id, query }));
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
