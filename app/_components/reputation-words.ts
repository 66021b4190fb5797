import type { ReputationSubjectType } from '../_hooks/api-types.ts';

/** Display words of each reputation subject type. */
export const SUBJECT_TYPE_WORDS: Record<ReputationSubjectType, string> = {
  ip: 'IP',
  domain: 'Domain',
  server: 'SMTP server',
};

/** The dashboard path of a subject's reputation detail page. */
export function reputationHref(subjectType: ReputationSubjectType, subjectId: string): string {
  return `/reputation/${subjectType}/${encodeURIComponent(subjectId)}`;
}
