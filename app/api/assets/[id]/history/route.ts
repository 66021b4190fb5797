import { listHistory } from '../../../../../lib/listings/list-history.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async (_request: Request, ctx: RouteContext<{ id: string }>) =>
  json(await listHistory({ assetId: (await ctx.params).id })),
);

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
