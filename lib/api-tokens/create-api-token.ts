import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { hashApiToken, newApiToken, TOKEN_PREFIX_LENGTH } from './api-token-hash.ts';

/** POST /api/api-tokens body: `{ name }` (1–100 characters, trimmed), e.g. "billing export". */
export const ZCreateApiToken = z.object({ name: z.string().trim().min(1).max(100) }).strict();

/**
 * Create an API token for POST /api/usage. Only its SHA-256 hash and its first 10 characters are stored; the
 * token itself is in this answer and nowhere else (the user copies it now or makes a new one).
 * @returns `{ id, name, prefix, token, createdAt }`.
 */
export async function createApiToken(p: { name: string; db?: PrismaClient }): Promise<{ id: string; name: string; prefix: string; token: string; createdAt: Date }> {
  const db = p.db ?? prisma;
  const token = newApiToken();
  const row = await db.apiToken.create({ data: { name: p.name, tokenHash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX_LENGTH) } });
  return { id: row.id, name: row.name, prefix: row.prefix, token, createdAt: row.createdAt };
}
