import { placementStats, ZPlacementStats } from '../../../lib/placement/placement-stats.ts';
import { parseQuery } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async (request: Request) => json(await placementStats(parseQuery(request, ZPlacementStats))));
