import { checkAssetNow } from '../../../../../lib/sweeps/check-asset-now.ts';
import { parseJsonBody } from '../../../../../lib/http/parse-request.ts';
import { ZEmptyBody } from '../../../../../lib/http/schema.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** Check one asset now and answer when done: `{ jobRunId, listings }`. */
export const POST = route(async (request: Request, ctx: RouteContext<{ id: string }>) => {
  await parseJsonBody(request, ZEmptyBody);
  return json(await checkAssetNow({ assetId: (await ctx.params).id }));
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
