import { sendTestNotification } from '../../../../../lib/alerts/send-test-notification.ts';
import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { ZEmptyBody } from '../../../../../lib/http/schema.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

/** Send a test notification now: `{ id, status: 'sent' | 'failed', lastError }` (a failure is an answer, 200). */
export const POST = route(async (request: Request, ctx: Ctx) => {
  await parseJsonBody(request, ZEmptyBody);
  return json(await sendTestNotification({ id: (await ctx.params).id }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
