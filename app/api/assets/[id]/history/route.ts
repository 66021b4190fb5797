import { listHistory } from '../../../../../lib/listings/list-history.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async (_request: Request, ctx: RouteContext<{ id: string }>) =>
  json(await listHistory({ assetId: (await ctx.params).id })),
);
