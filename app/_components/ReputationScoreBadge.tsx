import { Badge, type Tone } from './Badge.tsx';

/** Colour of a reputation score: green from 80, amber from 50, red below. */
export function scoreTone(score: number): Tone {
  if (score >= 80) return 'green';
  if (score >= 50) return 'amber';
  return 'red';
}

/** A reputation score 0–100 as a coloured badge; `data-score` carries the number for browser tests. */
export function ReputationScoreBadge({ score, testId = 'reputation-score' }: { score: number; testId?: string }) {
  return (
    <Badge tone={scoreTone(score)} testId={testId} title="Reputation score, 0–100" data={{ 'data-score': String(score), 'data-tone': scoreTone(score) }}>
      {score.toFixed(1)}
    </Badge>
  );
}
