import type { SmtpServer } from '../../_hooks/api-types.ts';
import { Badge } from '../../_components/Badge.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';
import { STAGE_WORDS } from '../../_components/placement-words.ts';

/** Enabled, or paused with the reason (by the user or by a quota). */
export function ServerState({ server }: { server: SmtpServer }) {
  return (
    <span data-testid="server-state" data-enabled={server.enabled}>
      {server.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="gray">paused</Badge>}
      {!server.enabled && server.pausedReason ? <div className="muted small" data-testid="server-paused-reason">{server.pausedReason}</div> : null}
    </span>
  );
}

/** The last connection test: when, ok or the stage it failed at, and the message. */
export function LastConnectionTest({ server }: { server: SmtpServer }) {
  const last = server.lastTest;
  if (!last) return <span className="muted" data-testid="server-last-test" data-ok="">never tested</span>;
  return (
    <div data-testid="server-last-test" data-ok={last.ok} data-stage={last.stage}>
      {last.ok ? <Badge tone="green">ok</Badge> : <Badge tone="red">failed at {STAGE_WORDS[last.stage] ?? last.stage}</Badge>}{' '}
      <RelativeTime value={server.lastTestAt} />
      {last.ok ? null : <div className="small txt">{last.message}</div>}
    </div>
  );
}
