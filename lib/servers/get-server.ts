import type { PrismaClient, SmtpServer } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toServerView } from './server-view.ts';
import type { ServerView } from './server-view.ts';

/**
 * The stored SmtpServer row (with the encrypted secret; for lib/ use only, never for a response).
 * @throws AppError('not_found') for an unknown id.
 */
export async function findServerOrThrow(params: { id: string; db?: PrismaClient }): Promise<SmtpServer> {
  const db = params.db ?? prisma;
  const row = await db.smtpServer.findUnique({ where: { id: params.id } });
  if (!row) throw new AppError('not_found', `no SMTP server with id ${params.id}`);
  return row;
}

/**
 * One server (`GET /api/smtp-servers/:id`), without its password.
 * @throws AppError('not_found') for an unknown id.
 */
export async function getServer(params: { id: string; db?: PrismaClient }): Promise<ServerView> {
  return toServerView(await findServerOrThrow(params));
}
