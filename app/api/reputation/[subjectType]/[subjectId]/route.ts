import { getSubjectScore, ZSubjectScore } from '../../../../../lib/reputation/get-subject-score.ts';
import { parseWith } from '../../../../../lib/http/parse-request.ts';
import { json, route } from '../../../../../lib/http/respond.ts';
import type { RouteContext } from '../../../../../lib/http/route-params.ts';
import { otherMethods } from '../../../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';
type Ctx = RouteContext<{ subjectType: string; subjectId: string }>;

/** GET /api/reputation/:subjectType/:subjectId?days=: the latest score with its factors and the score history. */
export const GET = route(async (request: Request, ctx: Ctx) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await getSubjectScore(parseWith(ZSubjectScore, { ...query, ...(await ctx.params) })));
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
