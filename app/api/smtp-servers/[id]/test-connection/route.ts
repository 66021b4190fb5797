import { parseJsonBody } from '../../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { ZEmptyBody } from '../../../../../lib/http/schema.ts';
import { testServerConnection } from '../../../../../lib/servers/test-server-connection.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const POST = route(async (request: Request, ctx: Ctx) => {
  await parseJsonBody(request, ZEmptyBody);
  return json(await testServerConnection({ id: (await ctx.params).id }));
});
