import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Characters of a token kept in clear (ApiToken.prefix) so the user can tell tokens apart: "iw_" + 7. */
export const TOKEN_PREFIX_LENGTH = 10;

/** A new API token: "iw_" + 32 random bytes in base64url (46 characters, 256 bits). Shown once, never stored. */
export function newApiToken(): string {
  return `iw_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of the token in hex: what ApiToken.tokenHash stores. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compare a presented token with a stored hash in constant time (both compared as 32-byte SHA-256 digests). */
export function tokenMatches(p: { token: string; tokenHash: string }): boolean {
  const presented = createHash('sha256').update(p.token, 'utf8').digest();
  const stored = Buffer.from(p.tokenHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
