import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';

/**
 * Revoke an API token: requests carrying it answer 401 from now on.
 * @throws AppError('not_found') for an unknown id.
 */
export async function deleteApiToken(p: { id: string; db?: PrismaClient }): Promise<void> {
  const db = p.db ?? prisma;
  const { count } = await db.apiToken.deleteMany({ where: { id: p.id } });
  if (count === 0) throw new AppError('not_found', `no API token with id ${p.id}`);
}
