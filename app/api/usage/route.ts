import { verifyApiToken } from '../../../lib/api-tokens/verify-api-token.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { ZReportUsage } from '../../../lib/quotas/quota-input.ts';
import { reportUsage } from '../../../lib/quotas/report-usage.ts';

export const dynamic = 'force-dynamic';

export const POST = route(async (request: Request) => {
  await verifyApiToken({ authorization: request.headers.get('authorization') });
  const body = await parseJsonBody(request, ZReportUsage);
  const { created, event } = await reportUsage({ ...body, at: body.at ? new Date(body.at) : undefined });
  return json(event, created ? 201 : 200);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
