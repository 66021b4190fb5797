import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toIncidentView } from './incident-view.ts';
import type { IncidentView } from './incident-view.ts';

/**
 * Resolve an incident by hand (resolvedBy `manual`, no recovery notice). If its condition still holds, the next
 * evaluation reopens it silently within the rule's cooldown after its last notice, else opens a new incident.
 * @throws AppError('not_found'); AppError('conflict') when it is already resolved.
 */
export async function resolveIncident(p: { id: string; db?: PrismaClient; now?: () => Date }): Promise<IncidentView> {
  const db = p.db ?? prisma;
  const row = await db.incident.findUnique({ where: { id: p.id } });
  if (!row) throw new AppError('not_found', `no incident ${p.id}`);
  if (row.status === 'resolved') throw new AppError('conflict', 'the incident is already resolved');
  const now = (p.now ?? (() => new Date()))();
  const updated = await db.incident.update({
    where: { id: row.id },
    data: { status: 'resolved', openKey: null, resolvedAt: now, resolvedBy: 'manual' },
    include: { rule: true },
  });
  return toIncidentView(updated);
}
