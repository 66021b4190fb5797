import { ZCreateChannel } from '../../../lib/alerts/channel-view.ts';
import { createChannel } from '../../../lib/alerts/create-channel.ts';
import { listChannels } from '../../../lib/alerts/list-channels.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** Every channel; never a secret, webhook URLs masked to their origin. */
export const GET = route(async () => json(await listChannels()));

/** Create an email or webhook channel: 201; a webhook's signing secret is in this answer only. */
export const POST = route(async (request: Request) => {
  const input = await parseJsonBody(request, ZCreateChannel);
  return json(await createChannel({ input }), 201);
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
