import { ZUpdateChannel } from '../../../../lib/alerts/channel-view.ts';
import { deleteChannel } from '../../../../lib/alerts/delete-channel.ts';
import { updateChannel } from '../../../../lib/alerts/update-channel.ts';
import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, noContent, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

/** Change name, enabled, delivery (immediate | hourly_digest), to (email) or url (webhook). */
export const PATCH = route(async (request: Request, ctx: Ctx) => {
  const patch = await parseJsonBody(request, ZUpdateChannel);
  return json(await updateChannel({ id: (await ctx.params).id, patch }));
});

/** Delete the channel and its delivery log: 204. */
export const DELETE = route(async (_request: Request, ctx: Ctx) => {
  await deleteChannel({ id: (await ctx.params).id });
  return noContent();
});

export const { GET, POST, PUT } = otherMethods(['PATCH', 'DELETE']);
