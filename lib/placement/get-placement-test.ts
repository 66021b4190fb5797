import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { monitoredEgressIps } from './monitored-egress-ips.ts';
import { toPlacementResultView, toPlacementTestSummary } from './placement-view.ts';
import type { PlacementTestView } from './placement-view.ts';

/**
 * One placement test with every seed's SMTP outcome, placement, latency, receiver verdicts and egress IP
 * (GET /api/placement-tests/:id), seeds ordered by mailbox address.
 * @throws AppError('not_found') for an unknown id.
 */
export async function getPlacementTest(params: { id: string; db?: PrismaClient }): Promise<PlacementTestView> {
  const db = params.db ?? prisma;
  const test = await db.placementTest.findUnique({
    where: { id: params.id },
    include: { server: { select: { name: true } }, results: { orderBy: [{ mailboxAddress: 'asc' }, { id: 'asc' }] } },
  });
  if (!test) throw new AppError('not_found', `no placement test with id ${params.id}`);
  const { server, results, ...row } = test;
  const monitored = await monitoredEgressIps({ ips: results.flatMap((r) => (r.egressIp ? [r.egressIp] : [])), db });
  return {
    ...toPlacementTestSummary({ test: row, serverName: server.name, results }),
    token: test.token,
    results: results.map((result) => toPlacementResultView({ result, monitored })),
  };
}
