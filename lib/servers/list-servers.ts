import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { toServerView } from './server-view.ts';
import type { ServerView } from './server-view.ts';

/** Every SMTP server by name (`GET /api/smtp-servers`), without passwords. */
export async function listServers(params: { db?: PrismaClient } = {}): Promise<ServerView[]> {
  const db = params.db ?? prisma;
  const rows = await db.smtpServer.findMany({ orderBy: [{ name: 'asc' }, { createdAt: 'asc' }] });
  return rows.map(toServerView);
}
