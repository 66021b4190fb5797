import type { SmtpOutcomeWord, SmtpStage } from '../_hooks/api-types.ts';
import { Badge, type Tone } from './Badge.tsx';
import { SMTP_OUTCOME_WORDS, STAGE_WORDS, smtpCategoryWords } from './placement-words.ts';

const OUTCOME_TONE: Record<SmtpOutcomeWord, Tone> = {
  accepted: 'green',
  deferred: 'amber',
  throttled: 'amber',
  rejected: 'red',
  config_error: 'red',
  error: 'red',
  pending: 'gray',
};

export interface SmtpOutcomeProps {
  outcome: SmtpOutcomeWord;
  category?: string | null;
  stage?: SmtpStage | null;
  code?: number | null;
  enhancedCode?: string | null;
  text?: string | null;
  testId?: string;
}

/** A classified SMTP reply: the outcome in words, its class, the stage it came at and the reply (code, RFC 3463 code, text). */
export function SmtpOutcome({ outcome, category, stage, code, enhancedCode, text, testId = 'smtp-outcome' }: SmtpOutcomeProps) {
  const categoryWords = smtpCategoryWords(category);
  const reply = [code, enhancedCode].filter((part) => part !== null && part !== undefined && part !== '').join(' ');
  return (
    <div className="smtp-outcome" data-testid={testId} data-outcome={outcome} data-category={category ?? ''} data-code={code ?? ''} data-enhanced-code={enhancedCode ?? ''}>
      <Badge tone={OUTCOME_TONE[outcome] ?? 'gray'} title={outcome === 'accepted' ? 'The relay accepted the message; that is not delivery (the placement says where it landed)' : undefined}>
        {SMTP_OUTCOME_WORDS[outcome] ?? outcome}
      </Badge>
      {categoryWords && outcome !== 'accepted' ? <span className="small"> {categoryWords}</span> : null}
      {stage && outcome !== 'accepted' && outcome !== 'pending' ? <span className="muted small"> at {STAGE_WORDS[stage] ?? stage}</span> : null}
      {reply || text ? (
        <div className="small mono reply" data-testid="smtp-reply">
          {reply}{reply && text ? ' ' : ''}{text}
        </div>
      ) : null}
    </div>
  );
}
