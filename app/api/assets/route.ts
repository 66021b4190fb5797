import { createAsset, ZCreateAsset } from '../../../lib/assets/create-asset.ts';
import { listAssets } from '../../../lib/assets/list-assets.ts';
import { parseJsonBody } from '../../../lib/http/parse-request.ts';
import { json, route } from '../../../lib/http/respond.ts';
import { otherMethods } from '../../../lib/http/method-not-allowed.ts';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await listAssets()));

export const POST = route(async (request: Request) => {
  const body = await parseJsonBody(request, ZCreateAsset);
  return json(await createAsset(body), 201);
});

/** Methods this route does not serve: 405 in the JSON error envelope. */
export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
