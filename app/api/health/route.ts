import { checkHealth } from '../../../lib/overview/check-health.ts';
import { json } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

/** 200 `{ ok: true }` when the app and its database are up, 503 `{ ok: false }` otherwise. */
export async function GET(): Promise<Response> {
  const ok = await checkHealth();
  return json({ ok }, ok ? 200 : 503);
}

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
