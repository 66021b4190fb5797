import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';

let db: PrismaClient;
let cleanup: () => Promise<void>;
let getOverview: typeof import('../../../lib/overview/get-overview.ts').getOverview;

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  ({ getOverview } = await import('../../../lib/overview/get-overview.ts'));
});
afterAll(() => cleanup());

test('the overview reads the resolver from the latest sweep, not from a placement run that finished after it', async () => {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, s));
  const run = (id: string, jobId: string, finished: number, summary: object) =>
    db.jobRun.create({ data: { id, jobId, slot: at(0), status: 'succeeded', startedAt: at(finished - 1), finishedAt: at(finished), summary: JSON.stringify(summary) } });
  await run('sweep-1', 'dnsbl.sweep', 10, {
    resolver: { status: 'ok', isPublic: false, servers: ['127.0.0.1:53'] },
    zoneHealth: { healthy: 2, unhealthy: 0 },
  });
  // The worker runs placement.work every few seconds; its summary has no resolver.
  await run('placement-1', 'placement.work', 20, { sent: 0, collected: 0, found: 0, missing: 0, errors: 0 });
  const overview = await getOverview({ now: () => at(30) });
  expect(overview.resolver).toMatchObject({ status: 'ok', servers: ['127.0.0.1:53'], zonesChecked: 2, zonesFailed: 0 });
});
