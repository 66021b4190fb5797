import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { createServer } from '../../../lib/servers/create-server.ts';
import { listServers } from '../../../lib/servers/list-servers.ts';
import { ZCreateServer } from '../../../lib/servers/server-input.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await listServers()));

export const POST = route(async (request: Request) => {
  const body = await parseJsonBody(request, ZCreateServer);
  return json(await createServer(body), 201);
});
