import type { Polarity, Verdict } from '../_hooks/api-types.ts';
import { Badge, type Tone } from './Badge.tsx';
import { VERDICT_WORDS } from './words.ts';

/**
 * A verdict word, colored by what it means for the user: a listing on a block zone is red, a listing on an
 * allow-list (DNSWL) zone is good news and green; not listed on an allow-list zone is neutral.
 */
export function VerdictBadge({ verdict, polarity = 'block' }: { verdict: Verdict; polarity?: Polarity }) {
  let tone: Tone;
  if (verdict === 'listed') tone = polarity === 'allow' ? 'green' : 'red';
  else if (verdict === 'not_listed') tone = polarity === 'allow' ? 'gray' : 'green';
  else if (verdict === 'error') tone = 'amber';
  else tone = 'gray';
  const words = verdict === 'listed' && polarity === 'allow' ? 'listed (allow-list)' : VERDICT_WORDS[verdict];
  return (
    <Badge tone={tone} testId="verdict-badge" data={{ 'data-verdict': verdict, 'data-polarity': polarity }}>
      {words}
    </Badge>
  );
}
