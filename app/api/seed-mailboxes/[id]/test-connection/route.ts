import { testSeedMailboxConnection } from '../../../../../lib/seed-mailboxes/test-seed-mailbox-connection.ts';
import { parseJsonBody } from '../../../../../lib/http/parse-request.ts';
import { ZEmptyBody } from '../../../../../lib/http/schema.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';

export const dynamic = 'force-dynamic';
export const maxDuration = 120;

/** Log in to the mailbox and answer `{ ok, folders, spam: { path, why } | null, all, error?: { kind, message } }`. */
export const POST = route(async (request: Request, ctx: RouteContext<{ id: string }>) => {
  await parseJsonBody(request, ZEmptyBody);
  return json(await testSeedMailboxConnection({ id: (await ctx.params).id }));
});
