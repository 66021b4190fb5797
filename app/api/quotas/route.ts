import { parseJsonBody, parseQuery } from '../../../lib/http/parse-request.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { createQuota } from '../../../lib/quotas/create-quota.ts';
import { getQuotaStates } from '../../../lib/quotas/get-quota-states.ts';
import { ZCreateQuota, ZQuotaQuery } from '../../../lib/quotas/quota-input.ts';
import type { QuotaWindow } from '../../../lib/quotas/quota-window.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async (request: Request) => {
  const { serverId } = parseQuery(request, ZQuotaQuery);
  return json(await getQuotaStates({ serverId }));
});

export const POST = route(async (request: Request) => {
  const body = await parseJsonBody(request, ZCreateQuota);
  return json(await createQuota({ ...body, window: body.window as QuotaWindow }), 201);
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
