import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { isUniqueViolation } from './is-unique-violation.ts';

/** `POST /api/assets` body. `value`: an IPv4/IPv6 address, an IPv4 CIDR range (≤ /16) or a domain (IDN allowed). */
export const ZCreateAsset = z
  .object({
    value: z.string().min(1).max(300),
    label: z.string().trim().max(200).optional(),
  })
  .strict();
export type TCreateAsset = z.infer<typeof ZCreateAsset>;

/**
 * Add a monitored asset. The value is stored canonical (parseTarget): IPv4 dotted quad, compressed IPv6,
 * network-aligned CIDR, ASCII (punycode) domain with its Unicode form in `display` (BL-14).
 * @returns `{ id, kind, value }` as `POST /api/assets` answers.
 * @throws AppError('invalid_input' | 'range_too_large') from parseTarget; AppError('conflict') when the canonical
 *   value is already monitored.
 */
export async function createAsset(params: TCreateAsset & { db?: PrismaClient }): Promise<{ id: string; kind: string; value: string }> {
  const db = params.db ?? prisma;
  const target = parseTarget(params.value);
  const display = target.kind === 'domain' && target.display !== target.value ? target.display : null;
  const label = params.label ? params.label : null;
  const taken = await db.asset.findUnique({ where: { value: target.value }, select: { id: true } });
  if (taken) throw new AppError('conflict', `${target.value} is already monitored`);
  try {
    const row = await db.asset.create({ data: { kind: target.kind, value: target.value, display, label } });
    return { id: row.id, kind: row.kind, value: row.value };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `${target.value} is already monitored`);
    throw err;
  }
}
