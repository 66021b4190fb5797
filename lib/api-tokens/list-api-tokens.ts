import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';

/** An API token as the API shows it: never the token or its hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Every API token, newest first (GET /api/api-tokens). */
export async function listApiTokens(p: { db?: PrismaClient } = {}): Promise<ApiTokenView[]> {
  const db = p.db ?? prisma;
  return db.apiToken.findMany({ select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}
