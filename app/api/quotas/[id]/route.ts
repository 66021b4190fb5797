import { otherMethods } from '../../../../lib/http/method-not-allowed.ts';
import { parseJsonBody } from '../../../../lib/http/parse-request.ts';
import { json, noContent, route } from '../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../lib/http/route-params.ts';
import { deleteQuota } from '../../../../lib/quotas/delete-quota.ts';
import { getQuotaState } from '../../../../lib/quotas/get-quota-state.ts';
import { ZUpdateQuota } from '../../../../lib/quotas/quota-input.ts';
import { updateQuota } from '../../../../lib/quotas/update-quota.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ id: string }>;

export const GET = route(async (_request: Request, ctx: Ctx) => json(await getQuotaState({ id: (await ctx.params).id })));

export const PATCH = route(async (request: Request, ctx: Ctx) => {
  const patch = await parseJsonBody(request, ZUpdateQuota);
  return json(await updateQuota({ id: (await ctx.params).id, patch }));
});

export const DELETE = route(async (_request: Request, ctx: Ctx) => {
  await deleteQuota({ id: (await ctx.params).id });
  return noContent();
});

export const { POST, PUT } = otherMethods(['GET', 'PATCH', 'DELETE']);
