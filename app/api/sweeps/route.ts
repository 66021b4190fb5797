import { startSweepNow } from '../../../lib/sweeps/start-sweep-now.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { ZEmptyBody } from '../../../lib/http/schema.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

/**
 * Start a full sweep: 202 `{ jobRunId, status }` — `running` when this process runs jobs, `queued` for the worker
 * when JOBS_ENABLED=false; 409 when one is already running or queued.
 */
export const POST = route(async (request: Request) => {
  await parseJsonBody(request, ZEmptyBody);
  const { jobRunId, status } = await startSweepNow();
  return json({ jobRunId, status }, 202);
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
