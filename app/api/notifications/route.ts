import { listNotifications, ZListNotifications } from '../../../lib/alerts/list-notifications.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { parseQuery } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** The delivery log, newest first: filters channelId, incidentId, status; each with attempts and the last error. */
export const GET = route(async (request: Request) => json(await listNotifications({ query: parseQuery(request, ZListNotifications) })));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
