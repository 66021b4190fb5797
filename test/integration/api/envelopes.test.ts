import { afterAll, beforeAll, expect, test } from 'vitest';
import { setupTestDb } from '../../helpers/db.ts';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let cleanup: () => Promise<void>;
let catchAll: Record<string, Handler>;
let assets: Record<string, Handler>;
let zone: Record<string, Handler>;
let settings: Record<string, Handler>;

beforeAll(async () => {
  process.env.ALERT_EMAIL_TO = 'ops@example.test';
  ({ cleanup } = await setupTestDb());
  catchAll = (await import('../../../app/api/[...path]/route.ts')) as unknown as Record<string, Handler>;
  assets = (await import('../../../app/api/assets/route.ts')) as unknown as Record<string, Handler>;
  zone = (await import('../../../app/api/zones/[zone]/route.ts')) as unknown as Record<string, Handler>;
  settings = (await import('../../../app/api/settings/route.ts')) as unknown as Record<string, Handler>;
});
afterAll(() => cleanup());

async function call(handlers: Record<string, Handler>, method: string, path: string, body?: unknown) {
  const req = new Request(`http://localhost${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const res = await handlers[method](req, { params: Promise.resolve({}) });
  return { status: res.status, allow: res.headers.get('allow'), json: await res.json() };
}

test('an unknown /api path answers 404 in the JSON envelope for every method', async () => {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    expect(await call(catchAll, method, '/api/nope/1'), method).toEqual({
      status: 404,
      allow: null,
      json: { error: { code: 'not_found', message: 'no API route /api/nope/1; see the JSON API table in README.md' } },
    });
  }
});

test('a method a route does not serve answers 405 in the envelope with the Allow header', async () => {
  expect(await call(assets, 'PUT', '/api/assets')).toEqual({
    status: 405,
    allow: 'GET, POST',
    json: { error: { code: 'method_not_allowed', message: 'PUT is not allowed on /api/assets; use GET or POST' } },
  });
  const del = await call(zone, 'DELETE', '/api/zones/zen.spamhaus.org');
  expect(del.status).toBe(405);
  expect(del.json.error.message).toBe('DELETE is not allowed on /api/zones/zen.spamhaus.org; use PATCH');
});

test('settings: a bad address is named alone, addresses are trimmed, an empty entry is refused in words', async () => {
  const bad = await call(settings, 'PUT', '/api/settings', { alertEmailTo: ['ok@example.test', 'bogus'] });
  expect(bad).toMatchObject({ status: 400, json: { error: { code: 'invalid_input', message: 'bogus is not an email address' } } });
  const trimmed = await call(settings, 'PUT', '/api/settings', { alertEmailTo: ['  a@example.test ', 'a@example.test'] });
  expect(trimmed.status).toBe(200);
  expect(trimmed.json.alertEmailTo).toEqual(['a@example.test']);
  const empty = await call(settings, 'PUT', '/api/settings', { alertEmailTo: ['   '] });
  expect(empty.json.error.message).toBe('(an empty entry) is not an email address');
});
