import { updateZone, ZUpdateZone } from '../../../../lib/zones/update-zone.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';
import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

export const PATCH = route(async (request: Request, ctx: RouteContext<{ zone: string }>) => {
  const patch = await parseJsonBody(request, ZUpdateZone);
  return json(await updateZone({ zone: (await ctx.params).zone, patch }));
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { GET, POST, PUT, DELETE } = otherMethods(['PATCH']);
