import { getOverview } from '../../../lib/overview/get-overview.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await getOverview()));

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
