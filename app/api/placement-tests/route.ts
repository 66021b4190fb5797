import { z } from 'zod';
import { listPlacementTests, ZListPlacementTests } from '../../../lib/placement/list-placement-tests.ts';
import { startPlacementTest } from '../../../lib/placement/start-placement-test.ts';
import { parseJsonBody, parseQuery } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

const ZStartPlacementTest = z.object({ serverId: z.string().min(1) }).strict();

export const GET = route(async (request: Request) => json(await listPlacementTests(parseQuery(request, ZListPlacementTests))));

export const POST = route(async (request: Request) => {
  const { serverId } = await parseJsonBody(request, ZStartPlacementTest);
  const { id } = await startPlacementTest({ serverId });
  return json({ id }, 201);
});
