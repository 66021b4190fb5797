import { getSettings } from '../../../lib/settings/get-settings.ts';
import { updateSettings, ZUpdateSettings } from '../../../lib/settings/update-settings.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await getSettings()));

export const PUT = route(async (request: Request) => {
  const settings = await parseJsonBody(request, ZUpdateSettings);
  return json(await updateSettings({ settings }));
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { POST, PATCH, DELETE } = otherMethods(['GET', 'PUT']);
