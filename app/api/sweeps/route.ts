import { startSweepNow } from '../../../lib/sweeps/start-sweep-now.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { ZEmptyBody } from '../../../lib/http/schema.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** Start a full sweep in the background: 202 `{ jobRunId }`; 409 when one is already running. */
export const POST = route(async (request: Request) => {
  await parseJsonBody(request, ZEmptyBody);
  const { jobRunId } = await startSweepNow();
  return json({ jobRunId }, 202);
});
