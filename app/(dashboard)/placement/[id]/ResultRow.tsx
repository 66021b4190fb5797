import type { PlacementResult } from '../../../_hooks/api-types.ts';
import { AuthVerdictBadge } from '../../../_components/AuthVerdictBadge.tsx';
import { PlacementBadge } from '../../../_components/PlacementBadge.tsx';
import { formatDuration } from '../../../_components/format.ts';
import { RelativeTime } from '../../../_components/RelativeTime.tsx';
import { SmtpOutcome } from '../../../_components/SmtpOutcome.tsx';
import { providerWords } from '../../../_components/placement-words.ts';
import { EgressIp } from './EgressIp.tsx';


function AuthVerdicts({ result }: { result: PlacementResult }) {
  const details = result.authDetails;
  const dkim = details?.dkim.find((d) => d.result === result.auth.dkim) ?? details?.dkim[0];
  const notes = [details?.spf?.note, dkim?.note, details?.dmarc?.note].filter((n): n is string => Boolean(n));
  return (
    <div data-testid="auth-verdicts">
      <div className="auth-badges">
        <AuthVerdictBadge method="spf" result={result.auth.spf} rawResult={details?.spf?.rawResult} domain={details?.spf?.domain} note={details?.spf?.note} />
        <AuthVerdictBadge method="dkim" result={result.auth.dkim} rawResult={dkim?.rawResult} domain={dkim?.domain} note={dkim?.note} />
        <AuthVerdictBadge method="dmarc" result={result.auth.dmarc} rawResult={details?.dmarc?.rawResult} domain={details?.dmarc?.domain} note={details?.dmarc?.note} />
      </div>
      {notes.length > 0 ? <div className="muted small" data-testid="auth-note">{notes.join('; ')}</div> : null}
      {details?.authservId ? <div className="muted small">by <span className="mono">{details.authservId}</span></div> : null}
    </div>
  );
}

/** One seed of a placement test: mailbox, SMTP outcome, folder, placement, latency, SPF/DKIM/DMARC and egress IP. */
export function ResultRow({ placementTestId, result }: { placementTestId: string; result: PlacementResult }) {
  return (
    <tr data-testid="result-row" data-mailbox={result.mailbox} data-provider={result.provider} data-placement={result.placement}>
      <td className="nowrap">
        <span className="mono">{result.mailbox}</span>
        <div className="muted small">{providerWords(result.provider)}</div>
      </td>
      <td>
        <SmtpOutcome {...result.smtp} />
        {result.smtp.nextAttemptAt ? (
          <div className="muted small" data-testid="smtp-next-attempt">
            attempt {result.smtp.attempts}; next try <RelativeTime value={result.smtp.nextAttemptAt} />
          </div>
        ) : null}
      </td>
      <td data-testid="result-folder">{result.folder ? <span className="mono">{result.folder}</span> : <span className="muted">—</span>}</td>
      <td><PlacementBadge result={result} sent={result.smtp.outcome === 'accepted'} /></td>
      <td className="num" data-testid="result-latency" data-ms={result.latencyMs ?? ''}>{result.latencyMs === null ? '—' : formatDuration(result.latencyMs)}</td>
      <td>{result.placement === 'pending' || result.placement === 'missing' || result.placement === 'error' ? <span className="muted">—</span> : <AuthVerdicts result={result} />}</td>
      <td><EgressIp placementTestId={placementTestId} ip={result.egressIp} monitored={result.egressMonitored} /></td>
    </tr>
  );
}
