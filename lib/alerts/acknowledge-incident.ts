import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toIncidentView } from './incident-view.ts';
import type { IncidentView } from './incident-view.ts';

/**
 * Acknowledge an open incident: someone is on it (status `acknowledged`, acknowledgedAt = now). It still resolves
 * (with its recovery notice) when the condition clears. Acknowledging an acknowledged incident changes nothing.
 * @throws AppError('not_found'); AppError('conflict') when it is already resolved.
 */
export async function acknowledgeIncident(p: { id: string; db?: PrismaClient; now?: () => Date }): Promise<IncidentView> {
  const db = p.db ?? prisma;
  const row = await db.incident.findUnique({ where: { id: p.id }, include: { rule: true } });
  if (!row) throw new AppError('not_found', `no incident ${p.id}`);
  if (row.status === 'resolved') throw new AppError('conflict', 'the incident is already resolved');
  if (row.status === 'acknowledged') return toIncidentView(row);
  const now = (p.now ?? (() => new Date()))();
  return toIncidentView(await db.incident.update({ where: { id: row.id }, data: { status: 'acknowledged', acknowledgedAt: now }, include: { rule: true } }));
}
