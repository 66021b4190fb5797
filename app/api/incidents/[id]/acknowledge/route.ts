import { acknowledgeIncident } from '../../../../../lib/alerts/acknowledge-incident.ts';
import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { ZEmptyBody } from '../../../../../lib/http/schema.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

/** Acknowledge an open incident; 409 when already resolved. */
export const POST = route(async (request: Request, ctx: Ctx) => {
  await parseJsonBody(request, ZEmptyBody);
  return json(await acknowledgeIncident({ id: (await ctx.params).id }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
