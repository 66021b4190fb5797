import { getPlacementTest } from '../../../../lib/placement/get-placement-test.ts';
import { json, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const GET = route(async (_request: Request, ctx: Ctx) => json(await getPlacementTest({ id: (await ctx.params).id })));
