import { deleteSeedMailbox } from '../../../../lib/seed-mailboxes/delete-seed-mailbox.ts';
import { getSeedMailbox } from '../../../../lib/seed-mailboxes/get-seed-mailbox.ts';
import { updateSeedMailbox, ZUpdateSeedMailbox } from '../../../../lib/seed-mailboxes/update-seed-mailbox.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, noContent, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const GET = route(async (_request: Request, ctx: Ctx) => json(await getSeedMailbox({ id: (await ctx.params).id })));

/** Change a seed mailbox; an omitted password or token is kept. */
export const PATCH = route(async (request: Request, ctx: Ctx) => {
  const patch = await parseJsonBody(request, ZUpdateSeedMailbox);
  return json(await updateSeedMailbox({ id: (await ctx.params).id, patch }));
});

export const DELETE = route(async (_request: Request, ctx: Ctx) => {
  await deleteSeedMailbox({ id: (await ctx.params).id });
  return noContent();
});
