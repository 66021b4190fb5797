import type { SendOutcome } from '../smtp/types.ts';
import { formatDuration } from './format-duration.ts';

/** The PlacementResult columns one send attempt writes. */
export interface SendUpdate {
  smtpOutcome: string;
  smtpCategory: string;
  smtpStage: string;
  smtpCode: number | null;
  smtpEnhancedCode: string | null;
  smtpText: string;
  attempts: number;
  sentAt: Date;
  nextAttemptAt: Date | null;
  placement: 'pending' | 'error';
  error: string | null;
}

/**
 * What one classified send means for its seed (design §6, cases SMTP-04, SMTP-10):
 * - `accepted`: accepted by the relay, not delivered: the placement stays `pending` until collection finds it.
 * - retryable (`deferred`, or `throttled` marked retryable): placement stays `pending` ("pending (greylisted)"),
 *   next attempt at now + retryIntervalSeconds, as an MTA's queue would; once `now` is past
 *   testCreatedAt + giveUpSeconds the send is given up: placement `error`, "deferred for 4 hours: <last reply>".
 * - anything else (`rejected`, `config_error`, `error`, a non-retryable throttle): placement `error` with the
 *   outcome's message in words. Never a spam or missing placement.
 * `sentAt` is the time of this attempt (for an accepted send: the acceptance, from which latency is measured).
 */
export function sendOutcomeUpdate(params: {
  outcome: SendOutcome;
  attempts: number;
  testCreatedAt: Date;
  retryIntervalSeconds: number;
  giveUpSeconds: number;
  now: Date;
}): SendUpdate {
  const { outcome, now } = params;
  const base = {
    smtpOutcome: outcome.outcome,
    smtpCategory: outcome.category,
    smtpStage: outcome.stage,
    smtpCode: outcome.code,
    smtpEnhancedCode: outcome.enhancedCode,
    smtpText: outcome.text,
    attempts: params.attempts + 1,
    sentAt: now,
  };
  if (outcome.outcome === 'accepted') return { ...base, nextAttemptAt: null, placement: 'pending', error: null };
  const retryable = outcome.outcome === 'deferred' || (outcome.outcome === 'throttled' && outcome.retryable);
  if (retryable) {
    const giveUpAt = params.testCreatedAt.getTime() + params.giveUpSeconds * 1000;
    if (now.getTime() < giveUpAt) {
      return { ...base, nextAttemptAt: new Date(now.getTime() + params.retryIntervalSeconds * 1000), placement: 'pending', error: null };
    }
    const reply = [outcome.code, outcome.enhancedCode, outcome.text].filter((x) => x !== null && x !== '').join(' ') || outcome.message;
    return {
      ...base,
      nextAttemptAt: null,
      placement: 'error',
      error: `deferred for ${formatDuration({ seconds: params.giveUpSeconds })}: ${reply}`,
    };
  }
  return { ...base, nextAttemptAt: null, placement: 'error', error: outcome.message };
}
