import type { AssetKind, ErrorReason, ResolverStatus, Verdict } from '../_hooks/api-types.ts';

/** Error reasons (design §5) in words a user reads. */
export const REASON_WORDS: Record<ErrorReason, string> = {
  timeout: 'timeout',
  servfail: 'server failure (SERVFAIL)',
  refused: 'query refused',
  query_blocked: 'query blocked by operator',
  invalid_answer: 'invalid answer',
  zone_unhealthy: 'zone unhealthy',
  budget_exhausted: 'daily budget exhausted',
};

export const VERDICT_WORDS: Record<Verdict, string> = {
  listed: 'listed',
  not_listed: 'not listed',
  error: 'error',
  not_applicable: 'not applicable',
};

export const KIND_WORDS: Record<AssetKind, string> = {
  ip: 'IP',
  range: 'range',
  domain: 'domain',
};

export const RESOLVER_WORDS: Record<ResolverStatus, string> = {
  ok: 'ok',
  blocked: 'blocked',
  rewriting: 'rewriting answers',
  unreachable: 'not answering',
  unknown: 'unknown',
};

/** A reason word from the API in words, keeping unknown words as they are. */
export function reasonWords(reason: string | undefined): string {
  if (!reason) return '';
  return reason in REASON_WORDS ? REASON_WORDS[reason as ErrorReason] : reason;
}
