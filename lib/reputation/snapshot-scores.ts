import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { computeScore, hasScoreData } from './compute-score.ts';
import { gatherInputs } from './gather-inputs.ts';

/** An unchanged score is written again after this long (ms, 6 h), so the history chart has points over quiet periods. */
export const SNAPSHOT_REFRESH_MS = 6 * 3_600_000;

/** What one snapshot run did. */
export interface SnapshotSummary {
  /** Subjects with at least one factor with data. */
  rated: number;
  /** Subjects without any data (never swept, no placement results): not written. */
  unrated: number;
  /** Snapshots written: new subjects, changed scores or factors, and unchanged ones older than SNAPSHOT_REFRESH_MS. */
  written: number;
  /** Rated subjects whose score and factors equal their last snapshot (younger than SNAPSHOT_REFRESH_MS). */
  unchanged: number;
  /** Subjects gone since (asset deleted or disabled, server deleted, domain unused) whose snapshots were deleted. */
  removed: number;
}

/**
 * Score every subject (gatherInputs → computeScore) and write ReputationSnapshot rows (design §7). Runs after each
 * DNSBL sweep, after placement tests complete, and every 15 minutes (`reputation.snapshot`).
 * - A rated subject gets a row when it has none, when its label, score or any factor (value, weight, detail)
 *   changed since its last row, or when its last row is older than SNAPSHOT_REFRESH_MS; otherwise nothing is
 *   written (no duplicate history points).
 * - An unrated subject (no factor with data) gets no row; its earlier rows stay.
 * - Rows of subjects that no longer exist are deleted, so the lists never show a removed asset or server.
 * `now` is injected (snapshot time).
 */
export async function snapshotScores(params: { db?: PrismaClient; now?: Date } = {}): Promise<SnapshotSummary> {
  const db = params.db ?? prisma;
  const now = params.now ?? new Date();
  const subjects = await gatherInputs({ db, now });
  const summary: SnapshotSummary = { rated: 0, unrated: 0, written: 0, unchanged: 0, removed: 0 };
  const rows = [];
  for (const s of subjects) {
    if (!hasScoreData(s.inputs)) {
      summary.unrated++;
      continue;
    }
    summary.rated++;
    const { score, factors } = computeScore({ subjectType: s.subjectType, inputs: s.inputs });
    const json = JSON.stringify(factors);
    const last = await db.reputationSnapshot.findFirst({
      where: { subjectType: s.subjectType, subjectId: s.subjectId },
      orderBy: { at: 'desc' },
      select: { score: true, factors: true, subjectLabel: true, at: true },
    });
    const same = last && last.score === score && last.factors === json && last.subjectLabel === s.subjectLabel;
    if (same && now.getTime() - last.at.getTime() < SNAPSHOT_REFRESH_MS) {
      summary.unchanged++;
      continue;
    }
    rows.push({ subjectType: s.subjectType, subjectId: s.subjectId, subjectLabel: s.subjectLabel, score, factors: json, at: now });
  }
  const keep = new Set(subjects.map((s) => `${s.subjectType}:${s.subjectId}`));
  const existing = await db.reputationSnapshot.groupBy({ by: ['subjectType', 'subjectId'] });
  const gone = existing.filter((e) => !keep.has(`${e.subjectType}:${e.subjectId}`));
  await db.$transaction([
    db.reputationSnapshot.createMany({ data: rows }),
    ...gone.map((g) => db.reputationSnapshot.deleteMany({ where: { subjectType: g.subjectType, subjectId: g.subjectId } })),
  ]);
  summary.written = rows.length;
  summary.removed = gone.length;
  return summary;
}
