import { getOverview } from '../../../lib/overview/get-overview.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await getOverview()));
