import type { ConnectionSecurity, SmtpConnectionTest, SmtpStage } from '../_hooks/api-types.ts';
import { SmtpOutcome } from './SmtpOutcome.tsx';
import { STAGE_WORDS } from './placement-words.ts';

const STEPS: SmtpStage[] = ['connect', 'tls', 'ehlo', 'auth'];

type StepState = 'passed' | 'failed' | 'skipped' | 'not_reached';

/** What happened at each step of connect → TLS → EHLO → AUTH, from the stage the test reached. */
function stepStates(result: SmtpConnectionTest, security: ConnectionSecurity, hasAuth: boolean): Record<SmtpStage, StepState> {
  const reached = STEPS.indexOf(result.stage);
  const states = {} as Record<SmtpStage, StepState>;
  STEPS.forEach((step, i) => {
    if ((step === 'tls' && security === 'none') || (step === 'auth' && !hasAuth)) states[step] = 'skipped';
    else if (result.ok || i < reached) states[step] = 'passed';
    else if (i === reached) states[step] = 'failed';
    else states[step] = 'not_reached';
  });
  return states;
}

const MARK: Record<StepState, string> = { passed: '✓', failed: '✗', skipped: '–', not_reached: '·' };
const STATE_WORDS: Record<StepState, string> = { passed: 'passed', failed: 'failed', skipped: 'skipped', not_reached: 'not reached' };

/**
 * A connection test of an SMTP server: the steps (connect → TLS → EHLO → AUTH) with the one that failed, the
 * result in words, and the classified reply.
 */
export function SmtpConnectionResult({ result, security, hasAuth, testId = 'connection-result' }: {
  result: SmtpConnectionTest;
  security: ConnectionSecurity;
  hasAuth: boolean;
  testId?: string;
}) {
  const states = stepStates(result, security, hasAuth);
  return (
    <div className={`alert ${result.ok ? 'ok' : 'error'}`} role="status" data-testid={testId} data-ok={result.ok} data-stage={result.stage} data-outcome={result.outcome}>
      <ol className="stages" aria-label="Connection steps">
        {STEPS.map((step) => (
          <li key={step} data-testid="connection-step" data-step={step} data-state={states[step]}>
            <span aria-hidden="true">{MARK[states[step]]}</span>
            <span className={states[step] === 'failed' ? '' : states[step] === 'passed' ? '' : 'muted'}>{STAGE_WORDS[step]}</span>
            <span className="visually-hidden">{STATE_WORDS[states[step]]}</span>
          </li>
        ))}
      </ol>
      <div data-testid="connection-message">
        <strong>{result.ok ? 'Connection works. ' : `Failed at ${STAGE_WORDS[result.stage] ?? result.stage}. `}</strong>
        {result.message}
      </div>
      {result.ok ? (
        result.code ? <div className="small mono" data-testid="connection-reply">{[result.code, result.enhancedCode, result.text].filter(Boolean).join(' ')}</div> : null
      ) : (
        <SmtpOutcome outcome={result.outcome} category={result.category} stage={result.stage} code={result.code} enhancedCode={result.enhancedCode} text={result.text} testId="connection-reply" />
      )}
    </div>
  );
}
