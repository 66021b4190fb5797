import { createHash, randomUUID } from 'node:crypto';

/**
 * Deterministic JobRun id for a scheduled slot: `sched-` + the first 32 hex digits of sha256("jobId|slot ISO").
 * Two processes ticking the same slot compute the same id and collide on the primary key (design §2).
 * @example scheduledRunId({ jobId: 'dnsbl.sweep', slot: new Date('2026-11-29T15:30:00Z') })
 */
export function scheduledRunId(params: { jobId: string; slot: Date }): string {
  const hash = createHash('sha256').update(`${params.jobId}|${params.slot.toISOString()}`).digest('hex');
  return `sched-${hash.slice(0, 32)}`;
}

/** A unique id for a manual run (check now, POST /api/sweeps): `manual-` + a random UUID. */
export function manualRunId(): string {
  return `manual-${randomUUID()}`;
}
