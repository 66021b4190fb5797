import { listEvents } from '../../../../../lib/listings/list-events.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async (_request: Request, ctx: RouteContext<{ id: string }>) =>
  json(await listEvents({ assetId: (await ctx.params).id })),
);
