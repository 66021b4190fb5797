import { factorValues } from './factor-values.ts';
import type { ReputationInputs, ScoreFactor, ScoreResult, SubjectType } from './types.ts';
import { FACTOR_LABELS, REPUTATION_WEIGHTS } from './weights.ts';
import type { FactorName } from './weights.ts';

const FACTORS = Object.keys(REPUTATION_WEIGHTS) as FactorName[];
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Round parts to tenths so that they sum to the rounded total (largest remainder): the factor table adds up to
 * the score shown.
 */
function tenthsSummingToTotal(parts: number[]): { parts: number[]; total: number } {
  const scaled = parts.map((p) => p * 10);
  const total = Math.round(scaled.reduce((a, b) => a + b, 0) + 1e-9);
  const floors = scaled.map((s) => Math.floor(s + 1e-9));
  let missing = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = scaled.map((s, i) => ({ i, rest: s - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return { parts: floors.map((f) => f / 10), total: total / 10 };
}

/** True when at least one factor has data, i.e. computeScore can rate the subject. */
export function hasScoreData(inputs: ReputationInputs): boolean {
  return Object.values(factorValues(inputs)).some((f) => f.value !== null);
}

/**
 * The reputation score of one subject (design §7; weights in lib/reputation/weights.ts, README "Reputation
 * score"). Pure.
 * - Each factor has a value 0–100 (see factor-values.ts) or none.
 * - Factors with a value share the 100 points in proportion to their published weights:
 *   `weightᵢ = baseWeightᵢ × 100 / Σ baseWeight of factors with data`; factors without data get weight 0 and
 *   say so. `contributionᵢ = valueᵢ × weightᵢ / 100`; `score = Σ contributionᵢ`.
 * - Values and weights are shown with one decimal; contributions are rounded to tenths so that they sum
 *   exactly to the score (the score itself is the sum rounded to one decimal).
 * `subjectType` only changes the wording of the missing-listings sentence.
 * @returns `{ score: 0–100, factors }`; with no data at all (see hasScoreData) the score is 0 and every factor says so.
 */
export function computeScore(params: { subjectType: SubjectType; inputs: ReputationInputs }): ScoreResult {
  const values = factorValues(params.inputs);
  const present = FACTORS.filter((f) => values[f].value !== null);
  const presentWeight = present.reduce((sum, f) => sum + REPUTATION_WEIGHTS[f], 0);
  const weightOf = (f: FactorName) => (values[f].value === null || presentWeight === 0 ? 0 : (REPUTATION_WEIGHTS[f] * 100) / presentWeight);
  const raw = FACTORS.map((f) => ((values[f].value ?? 0) * weightOf(f)) / 100);
  const { parts, total } = tenthsSummingToTotal(raw);
  const spread = present.length > 0 ? 'spread over the factors with data' : 'not given: no factor has data';
  const factors: ScoreFactor[] = FACTORS.map((f, i) => {
    const v = values[f];
    const missing = v.value === null;
    const detail = missing && f === 'listings' && params.subjectType === 'server'
      ? `No swept IP or domain asset behind this server (its egress IPs and From domain), so nothing is known about its listings.`
      : v.detail;
    return {
      factor: f,
      label: FACTOR_LABELS[f],
      value: missing ? null : round1(v.value as number),
      weight: round1(weightOf(f)),
      baseWeight: REPUTATION_WEIGHTS[f],
      contribution: parts[i],
      detail: missing ? `${detail} Its ${REPUTATION_WEIGHTS[f]} points are ${spread}.` : detail,
    };
  });
  return { score: total, factors };
}
