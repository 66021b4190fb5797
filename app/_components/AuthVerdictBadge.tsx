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
 * One receiver verdict (SPF, DKIM or DMARC) as the receiver wrote it. A non-standard value such as Microsoft's
 * `bestguesspass` (no DMARC record; the receiver guessed) is shown as such, in amber with a note, never as pass.
 */
export function AuthVerdictBadge({ method, result, domain, note }: {
  method: 'spf' | 'dkim' | 'dmarc';
  result: string | null;
  domain?: string;
  note?: string;
}) {
  const label = method.toUpperCase();
  const data = { 'data-method': method, 'data-result': result ?? '' };
  if (!result) {
    return <Badge tone="gray" testId={`auth-${method}`} data={data} title={`No ${label} result from the receiver`}>{label} —</Badge>;
  }
  const known = result in TONE;
  const tone = known ? TONE[result] : 'amber';
  const title = [domain ? `${label} ${result} for ${domain}` : `${label} ${result}`, note, known ? '' : 'non-standard value, not a pass'].filter(Boolean).join(' · ');
  return (
    <Badge tone={tone} testId={`auth-${method}`} data={data} title={title}>
      {label} {result}{known ? '' : ' (not a pass)'}
    </Badge>
  );
}
