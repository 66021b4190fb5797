import { matchReplyPattern } from './reply-patterns.ts';
import type { SmtpClassification, SmtpReply, SmtpStage } from './types.ts';

export type { SmtpClassification, SmtpOutcome } from './types.ts';

const deferred = (category: string): SmtpClassification => ({ outcome: 'deferred', category, retryable: true });
const rejected = (category: string): SmtpClassification => ({ outcome: 'rejected', category, retryable: false });

const GREYLIST_WORDS = /gr[ae]y[ -]?list/i;
const TRY_LATER = /try again later|please try again|temporarily deferred|come back later/i;
/** The receiving server's own failure, e.g. Postfix's "451 4.7.1 Service unavailable - try again later" when its milter fails. */
const SERVICE_FAILURE = /service (?:is )?(?:temporarily )?unavailable|temporary (?:local |server )?(?:failure|error|problem)|local error|system (?:error|problem)|internal (?:server )?error/i;
const REPUTATION = /unsolicited|spamhaus|block ?list|black ?list|\bdnsbl\b|\brbl\b|reputation|listed (?:at|in|on|by)|spam/i;
const UNKNOWN_USER = /user unknown|unknown user|no such (?:user|mailbox|recipient)|does not exist|not found|invalid recipient|no longer on server|address rejected|recipient rejected|unrouteable/i;

/**
 * Classify an SMTP reply on its basic code (RFC 5321 §4.2.1), enhanced code (RFC 3463 §3) and text, in that
 * order of trust reversed: provider and text patterns first (reply-patterns.ts: quotas, throttles, settings
 * problems, text that overrides the code, SMTP-05/08, QUOTA-01), then the session stage (a 5xx to AUTH is our
 * credentials, RFC 4954 §6), then the enhanced code's subject and detail, then the basic code alone.
 * 2xx is `accepted` / `accepted_by_relay`: the relay took the message, nothing more (SMTP-10).
 * @example classifySmtpReply({ code: 451, enhancedCode: '4.7.1', text: 'Try again later' }) // deferred / greylisted (SMTP-04)
 * @example classifySmtpReply({ code: 451, enhancedCode: '4.7.1', text: 'Service unavailable - try again later' }) // deferred / service_unavailable
 */
export function classifySmtpReply(p: SmtpReply & { stage?: SmtpStage }): SmtpClassification {
  const { code, enhancedCode, text, stage } = p;
  const cls = code !== null ? Math.floor(code / 100) : enhancedCode ? Number(enhancedCode[0]) : null;
  if (cls === 2 || cls === 3) return { outcome: 'accepted', category: 'accepted_by_relay', retryable: false };
  if (cls !== 4 && cls !== 5) return { outcome: 'error', category: 'unrecognized_reply', retryable: true };

  const pattern = matchReplyPattern(p);
  if (pattern) return pattern;

  if (stage === 'auth') {
    if (cls === 5) return { outcome: 'config_error', category: 'auth', retryable: false };
    return deferred('temporary');
  }
  if (stage === 'ehlo' && cls === 5) return { outcome: 'config_error', category: 'ehlo_refused', retryable: false };

  const [, subject, detail] = enhancedCode ? enhancedCode.split('.').map(Number) : [];
  return cls === 4 ? classifyTransient({ code, subject, detail, text }) : classifyPermanent({ code, subject, detail, text, stage });
}

/** 4xx: the same send may succeed later (RFC 5321 §4.2.1 "transient negative completion"). */
function classifyTransient(p: { code: number | null; subject?: number; detail?: number; text: string }): SmtpClassification {
  const { code, subject, detail, text } = p;
  // Greylisting needs evidence in the text (SMTP-04): the word itself (postgrey "450 4.2.0 Greylisted, see …"), or
  // "try again later" and its kind with a 4.7.x or no enhanced code — unless the text names the receiver's own
  // failure. 4.7.1 alone only says "delivery not authorized" (RFC 3463 §3.8): a policy deferral, not greylisting.
  if (GREYLIST_WORDS.test(text)) return deferred('greylisted');
  if (SERVICE_FAILURE.test(text)) return deferred('service_unavailable');
  if (TRY_LATER.test(text) && (subject === 7 || subject === undefined)) return deferred('greylisted');
  if (subject === 2 && detail === 2) return deferred('mailbox_full');
  if (subject === 2) return deferred('mailbox_busy');
  if (subject === 1) return deferred('recipient_unverified');
  if (subject === 5 && detail === 3) return deferred('too_many_recipients');
  if (subject === undefined) {
    if (code === 450) return deferred('mailbox_busy');
    if (code === 452 && /too many recipients/i.test(text)) return deferred('too_many_recipients');
  }
  return deferred('temporary');
}

/** 5xx: this send will not succeed as it is (RFC 5321 §4.2.1 "permanent negative completion"). */
function classifyPermanent(p: { code: number | null; subject?: number; detail?: number; text: string; stage?: SmtpStage }): SmtpClassification {
  const { code, subject, detail, text, stage } = p;
  switch (subject) {
    case 1:
      // 5.1.7 / 5.1.8: bad sender address or sender domain (RFC 3463 §3.2).
      if (detail === 7 || detail === 8 || stage === 'mail') return rejected('sender_rejected');
      return rejected('invalid_recipient');
    case 2:
      if (detail === 2) return rejected('mailbox_full');
      if (detail === 1) return rejected('mailbox_disabled');
      return rejected('message_rejected');
    case 7:
      if (REPUTATION.test(text)) return rejected('reputation_block');
      return rejected('policy_block');
    case 3:
    case 4:
    case 5:
    case 6:
      return rejected('message_rejected');
  }
  if (REPUTATION.test(text)) return rejected('reputation_block');
  if (stage === 'mail') return rejected('sender_rejected');
  if (code === 552 || /mailbox (?:is )?full|over quota|insufficient storage/i.test(text)) return rejected('mailbox_full');
  if (code === 550 || code === 551 || code === 553) {
    if (UNKNOWN_USER.test(text) || code === 551) return rejected('invalid_recipient');
    return rejected(stage === 'rcpt' ? 'invalid_recipient' : 'message_rejected');
  }
  return rejected('message_rejected');
}
