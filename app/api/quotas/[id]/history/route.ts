import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';
import { parseQuery } from '../../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { ZHistoryQuery } from '../../../../../lib/quotas/quota-input.ts';
import { quotaHistory } from '../../../../../lib/quotas/quota-history.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const GET = route(async (request: Request, ctx: Ctx) => {
  const { days } = parseQuery(request, ZHistoryQuery);
  return json(await quotaHistory({ id: (await ctx.params).id, days }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
