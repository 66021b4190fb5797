import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, noContent, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';
import { deleteServer } from '../../../../lib/servers/delete-server.ts';
import { getServer } from '../../../../lib/servers/get-server.ts';
import { ZUpdateServer } from '../../../../lib/servers/server-input.ts';
import { updateServer } from '../../../../lib/servers/update-server.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const GET = route(async (_request: Request, ctx: Ctx) => json(await getServer({ id: (await ctx.params).id })));

export const PATCH = route(async (request: Request, ctx: Ctx) => {
  const patch = await parseJsonBody(request, ZUpdateServer);
  return json(await updateServer({ id: (await ctx.params).id, patch }));
});

export const DELETE = route(async (_request: Request, ctx: Ctx) => {
  await deleteServer({ id: (await ctx.params).id });
  return noContent();
});
