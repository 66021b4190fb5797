import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { tokenMatches, TOKEN_PREFIX_LENGTH } from './api-token-hash.ts';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * Check the `Authorization: Bearer <token>` header (RFC 6750 §2.1) against the stored tokens: candidates by
 * prefix, then the SHA-256 digests compared in constant time. Records lastUsedAt on success.
 * @returns the token's id and name.
 * @throws AppError('unauthorized') when the header is missing, malformed or names no token (the message never
 *   echoes the token).
 */
export async function verifyApiToken(p: { authorization: string | null; now?: Date; db?: PrismaClient }): Promise<{ id: string; name: string }> {
  const db = p.db ?? prisma;
  const match = p.authorization ? BEARER.exec(p.authorization) : null;
  if (!match) throw new AppError('unauthorized', 'an API token is required: send "Authorization: Bearer <token>" (create one under Quotas → API tokens)');
  const token = match[1];
  const candidates = await db.apiToken.findMany({ where: { prefix: token.slice(0, TOKEN_PREFIX_LENGTH) }, select: { id: true, name: true, tokenHash: true } });
  const found = candidates.find((c) => tokenMatches({ token, tokenHash: c.tokenHash }));
  if (!found) throw new AppError('unauthorized', 'the API token is not valid (revoked or mistyped)');
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: p.now ?? new Date() } });
  return { id: found.id, name: found.name };
}
