import { updateRule } from '../../../../lib/alerts/update-rule.ts';
import { ZUpdateRule } from '../../../../lib/alerts/rule-view.ts';
import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

/** Change enabled, severity, params (checked per kind), channelIds or cooldownMinutes; answers the rule. */
export const PATCH = route(async (request: Request, ctx: Ctx) => {
  const patch = await parseJsonBody(request, ZUpdateRule);
  return json(await updateRule({ id: (await ctx.params).id, patch }));
});

export const { GET, POST, PUT, DELETE } = otherMethods(['PATCH']);
