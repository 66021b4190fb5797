import { getSettings } from '../../../lib/settings/get-settings.ts';
import { updateSettings, ZUpdateSettings } from '../../../lib/settings/update-settings.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await getSettings()));

export const PUT = route(async (request: Request) => {
  const settings = await parseJsonBody(request, ZUpdateSettings);
  return json(await updateSettings({ settings }));
});
