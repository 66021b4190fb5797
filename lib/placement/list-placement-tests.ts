import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toPlacementTestSummary } from './placement-view.ts';
import type { PlacementTestSummaryView } from './placement-view.ts';

/** Query of GET /api/placement-tests: `serverId` (optional), `limit` 1–500 (default 50), `offset` ≥ 0. */
export const ZListPlacementTests = z.object({
  serverId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Placement tests, newest first, with their counts per placement (GET /api/placement-tests). */
export async function listPlacementTests(
  params: z.infer<typeof ZListPlacementTests> & { db?: PrismaClient },
): Promise<PlacementTestSummaryView[]> {
  const db = params.db ?? prisma;
  const tests = await db.placementTest.findMany({
    where: params.serverId ? { serverId: params.serverId } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: params.limit,
    skip: params.offset,
    include: { server: { select: { name: true } }, results: { select: { placement: true } } },
  });
  return tests.map(({ server, results, ...test }) => toPlacementTestSummary({ test, serverName: server.name, results }));
}
