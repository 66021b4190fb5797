import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { env } from '../env.ts';
import { parseTarget } from '../dnsbl/parse-target.ts';
import { isUniqueViolation } from './is-unique-violation.ts';
import { budgetWarnings } from './budget-warnings.ts';
import { overlapWarnings } from './overlap-warnings.ts';

/**
 * `POST /api/assets` body. `value`: an IPv4/IPv6 address, an IPv4 CIDR range (≤ /16) or a domain (IDN allowed).
 * An empty value is refused by parseTarget, with the same words as a blank one.
 */
export const ZCreateAsset = z
  .object({
    value: z.string().max(300),
    label: z.string().trim().max(200).optional(),
  })
  .strict();
export type TCreateAsset = z.infer<typeof ZCreateAsset>;

/** What `POST /api/assets` answers (201). `warnings`: budget shortfalls and overlaps, in words; empty when none. */
export interface CreatedAsset {
  id: string;
  kind: string;
  value: string;
  warnings: string[];
}

/**
 * Add a monitored asset. The value is stored canonical (parseTarget, public addresses only): IPv4 dotted quad,
 * compressed IPv6, network-aligned CIDR, ASCII (punycode) domain with its Unicode form in `display` (BL-14).
 * The asset is added even with warnings: a zone whose daily budget its sweeps would pass at `sweepCron` (default
 * DNSBL_SWEEP_CRON; see budgetWarnings), or an overlap with monitored assets (see overlapWarnings).
 * @returns `{ id, kind, value, warnings }` as `POST /api/assets` answers.
 * @throws AppError('invalid_input' | 'range_too_large') from parseTarget (also for loopback, private, CGNAT,
 *   link-local, multicast, broadcast and unspecified addresses); AppError('conflict') when the canonical value is
 *   already monitored.
 */
export async function createAsset(
  params: TCreateAsset & { db?: PrismaClient; sweepCron?: string; now?: () => Date },
): Promise<CreatedAsset> {
  const db = params.db ?? prisma;
  const target = parseTarget(params.value, { publicOnly: true });
  const display = target.kind === 'domain' && target.display !== target.value ? target.display : null;
  const label = params.label ? params.label : null;
  const taken = await db.asset.findUnique({ where: { value: target.value }, select: { id: true } });
  if (taken) throw new AppError('conflict', `${target.value} is already monitored`);
  const others = await db.asset.findMany({ select: { value: true, enabled: true } });
  let row;
  try {
    row = await db.asset.create({ data: { kind: target.kind, value: target.value, display, label } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `${target.value} is already monitored`);
    throw err;
  }
  const sweepCron = params.sweepCron ?? env().DNSBL_SWEEP_CRON;
  const warnings = [
    ...(await budgetWarnings({ target, others, sweepCron, db, now: params.now })),
    ...overlapWarnings({ target, others }),
  ];
  return { id: row.id, kind: row.kind, value: row.value, warnings };
}
