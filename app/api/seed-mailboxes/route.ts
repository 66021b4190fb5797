import { createSeedMailbox, ZCreateSeedMailbox } from '../../../lib/seed-mailboxes/create-seed-mailbox.ts';
import { listSeedMailboxes } from '../../../lib/seed-mailboxes/list-seed-mailboxes.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** Every seed mailbox, without secrets (`hasSecret`). */
export const GET = route(async () => json(await listSeedMailboxes()));

/** Register a seed mailbox; the password or access token is stored encrypted and never returned. 201. */
export const POST = route(async (request: Request) => {
  const body = await parseJsonBody(request, ZCreateSeedMailbox);
  return json(await createSeedMailbox(body), 201);
});
