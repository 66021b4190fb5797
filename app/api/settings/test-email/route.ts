import { sendTestEmail } from '../../../../lib/alerts/send-test-email.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { ZEmptyBody } from '../../../../lib/http/schema.ts';
import { json, route } from '../../../../lib/http/respond.ts';
import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

/** Send a test alert email: `{ messageId, accepted }`; 503 `unavailable` when SMTP is not configured or refused. */
export const POST = route(async (request: Request) => {
  await parseJsonBody(request, ZEmptyBody);
  const { messageId, accepted } = await sendTestEmail();
  return json({ messageId, accepted });
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
