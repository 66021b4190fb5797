import { Badge, type Tone } from './Badge.tsx';

/** RFC 8601 results that mean the check passed. Vendor words (bestguesspass, …) are not passes. */
const TONE: Record<string, Tone> = {
  pass: 'green',
  fail: 'red',
  softfail: 'amber',
  permerror: 'red',
  temperror: 'amber',
  neutral: 'gray',
  none: 'gray',
  policy: 'amber',
};

/**
 * One receiver verdict (SPF, DKIM or DMARC). A vendor word the receiver wrote (`rawResult`, e.g. Microsoft's
 * `bestguesspass`: no DMARC record, the receiver guessed) is shown next to the result, in amber, never as pass;
 * an unknown result word is shown as written, in amber, with "(not a pass)".
 */
export function AuthVerdictBadge({ method, result, rawResult, domain, note }: {
  method: 'spf' | 'dkim' | 'dmarc';
  result: string | null;
  rawResult?: string;
  domain?: string;
  note?: string;
}) {
  const label = method.toUpperCase();
  const data = { 'data-method': method, 'data-result': result ?? '', 'data-raw-result': rawResult ?? '' };
  if (!result) {
    return <Badge tone="gray" testId={`auth-${method}`} data={data} title={`No ${label} result from the receiver`}>{label} —</Badge>;
  }
  const known = result in TONE;
  const vendor = rawResult && rawResult !== result ? rawResult : null;
  const tone = known && !vendor ? TONE[result] : 'amber';
  const title = [domain ? `${label} ${result} for ${domain}` : `${label} ${result}`, note, known ? '' : 'non-standard value, not a pass'].filter(Boolean).join(' · ');
  return (
    <Badge tone={tone} testId={`auth-${method}`} data={data} title={title}>
      {label} {result}{vendor ? ` (${vendor})` : ''}{known ? '' : ' (not a pass)'}
    </Badge>
  );
}
