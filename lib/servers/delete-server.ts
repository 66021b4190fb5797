import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { findServerOrThrow } from './get-server.ts';

/**
 * Remove a server with its placement tests, results and usage (cascade).
 * @throws AppError('not_found') for an unknown id.
 */
export async function deleteServer(params: { id: string; db?: PrismaClient }): Promise<void> {
  const db = params.db ?? prisma;
  await findServerOrThrow({ id: params.id, db });
  await db.smtpServer.delete({ where: { id: params.id } });
}
