import { listRules } from '../../../lib/alerts/list-rules.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

/** Every alert rule with its parameters (defaults filled in), severity, cooldown and channels. */
export const GET = route(async () => json(await listRules()));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
