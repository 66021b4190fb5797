import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import type { ScoreFactor, SubjectType } from './types.ts';
import { SUBJECT_TYPES } from './types.ts';

/** Query of GET /api/reputation: `subjectType` ip | domain | server (optional: every type). */
export const ZLatestScores = z.object({
  subjectType: z.enum(SUBJECT_TYPES as [SubjectType, ...SubjectType[]]).optional(),
});

/** The latest score of one subject. `at` is when it was computed. */
export interface SubjectScore {
  subjectType: SubjectType;
  subjectId: string;
  subjectLabel: string;
  /** 0–100, one decimal. */
  score: number;
  factors: ScoreFactor[];
  at: Date;
}

/** A ReputationSnapshot row as a SubjectScore. */
export function toSubjectScore(row: { subjectType: string; subjectId: string; subjectLabel: string; score: number; factors: string; at: Date }): SubjectScore {
  return {
    subjectType: row.subjectType as SubjectType,
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    score: row.score,
    factors: JSON.parse(row.factors) as ScoreFactor[],
    at: row.at,
  };
}

/**
 * The latest snapshot of every subject (of one type when `subjectType` is given), worst first: score ascending,
 * then label. Used by GET /api/reputation, the overview and the `reputation_below` alert rule.
 */
export async function latestScores(params: { subjectType?: string; db?: PrismaClient } = {}): Promise<SubjectScore[]> {
  const db = params.db ?? prisma;
  const where = params.subjectType ? { subjectType: params.subjectType } : {};
  const latest = await db.reputationSnapshot.groupBy({ by: ['subjectType', 'subjectId'], where, _max: { at: true } });
  if (latest.length === 0) return [];
  const newest = new Map(latest.map((l) => [`${l.subjectType}:${l.subjectId}`, l._max.at?.getTime()]));
  const ats = [...new Set(latest.map((l) => l._max.at).filter((at): at is Date => at !== null).map((at) => at.getTime()))];
  const rows = await db.reputationSnapshot.findMany({ where: { ...where, at: { in: ats.map((t) => new Date(t)) } } });
  const seen = new Set<string>();
  const scores: SubjectScore[] = [];
  for (const row of rows) {
    const key = `${row.subjectType}:${row.subjectId}`;
    if (newest.get(key) !== row.at.getTime() || seen.has(key)) continue;
    seen.add(key);
    scores.push(toSubjectScore(row));
  }
  return scores.sort((a, b) => a.score - b.score || a.subjectLabel.localeCompare(b.subjectLabel));
}
