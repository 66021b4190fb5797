import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { AppError } from '../errors.ts';
import { toSubjectScore } from './latest-scores.ts';
import type { SubjectScore } from './latest-scores.ts';
import { SUBJECT_TYPES } from './types.ts';
import type { SubjectType } from './types.ts';

/** Path of GET /api/reputation/:subjectType/:subjectId, and its `days` query (1–365, default 90). */
export const ZSubjectScore = z.object({
  subjectType: z.enum(SUBJECT_TYPES as [SubjectType, ...SubjectType[]]),
  subjectId: z.string().min(1),
  days: z.coerce.number().int().min(1).max(365).default(90),
});

/** The latest score of a subject with its history: one point per snapshot in the last `days` days, oldest first. */
export interface SubjectScoreDetail extends SubjectScore {
  history: { at: Date; score: number }[];
}

/**
 * The latest snapshot of one subject with its factors, and the score history over the last `days` days (`now`
 * injected). A snapshot is written when the score changes, and at least every 6 hours (snapshotScores).
 * @throws AppError('not_found') when the subject has no snapshot.
 */
export async function getSubjectScore(
  params: z.infer<typeof ZSubjectScore> & { db?: PrismaClient; now?: Date },
): Promise<SubjectScoreDetail> {
  const db = params.db ?? prisma;
  const now = params.now ?? new Date();
  const where = { subjectType: params.subjectType, subjectId: params.subjectId };
  const latest = await db.reputationSnapshot.findFirst({ where, orderBy: { at: 'desc' } });
  if (!latest) throw new AppError('not_found', `no reputation score for ${params.subjectType} ${params.subjectId} yet`);
  const since = new Date(now.getTime() - params.days * 86_400_000);
  const history = await db.reputationSnapshot.findMany({
    where: { ...where, at: { gte: since } },
    orderBy: { at: 'asc' },
    select: { at: true, score: true },
  });
  return { ...toSubjectScore(latest), history };
}
