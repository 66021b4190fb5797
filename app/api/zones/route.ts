import { listZones } from '../../../lib/zones/list-zones.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await listZones()));
