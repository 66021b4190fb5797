import { ZListIncidents } from '../../../lib/alerts/incident-view.ts';
import { listIncidents } from '../../../lib/alerts/list-incidents.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { parseQuery } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** Incidents, open first: filters status (open | acknowledged | resolved | live), ruleId, kind, subjectType, subjectId, subject. */
export const GET = route(async (request: Request) => json(await listIncidents({ query: parseQuery(request, ZListIncidents) })));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
