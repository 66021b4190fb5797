import { deleteAsset } from '../../../../lib/assets/delete-asset.ts';
import { getAsset } from '../../../../lib/assets/get-asset.ts';
import { updateAsset, ZUpdateAsset } from '../../../../lib/assets/update-asset.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, noContent, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';
import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const GET = route(async (_request: Request, ctx: Ctx) => json(await getAsset({ id: (await ctx.params).id })));

export const PATCH = route(async (request: Request, ctx: Ctx) => {
  const patch = await parseJsonBody(request, ZUpdateAsset);
  return json(await updateAsset({ id: (await ctx.params).id, patch }));
});

export const DELETE = route(async (_request: Request, ctx: Ctx) => {
  await deleteAsset({ id: (await ctx.params).id });
  return noContent();
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT } = otherMethods(['GET', 'PATCH', 'DELETE']);
