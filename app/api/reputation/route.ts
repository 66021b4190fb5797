import { latestScores, ZLatestScores } from '../../../lib/reputation/latest-scores.ts';
import { parseQuery } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

/** GET /api/reputation?subjectType=: the latest score of every subject, worst first. */
export const GET = route(async (request: Request) => json(await latestScores(parseQuery(request, ZLatestScores))));

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
