import type { PlacementResult, PlacementTest } from '../generated/prisma/client.ts';
import { placementCounts } from './placement-counts.ts';
import type { PlacementCounts } from './placement-counts.ts';
import type { ReceiverVerdicts } from './placement-deps.ts';

/** One seed of a test as GET /api/placement-tests/:id answers (README "JSON API"). Times are ISO 8601 UTC. */
export interface PlacementResultView {
  mailboxId: string | null;
  mailbox: string;
  provider: string;
  messageId: string;
  smtp: {
    outcome: string;
    category: string | null;
    stage: string | null;
    code: number | null;
    enhancedCode: string | null;
    text: string | null;
    attempts: number;
    sentAt: Date | null;
    /** When a deferred send is tried again (null otherwise). */
    nextAttemptAt: Date | null;
  };
  /** inbox | tab | spam | other_folder | missing | error | pending */
  placement: string;
  folder: string | null;
  tab: string | null;
  foundAt: Date | null;
  /** Send (acceptance by the relay) to arrival in the mailbox, ms. */
  latencyMs: number | null;
  auth: { spf: string | null; dkim: string | null; dmarc: string | null };
  /** Everything parsed from the receiver's topmost Authentication-Results (domains, selectors, authserv-id). */
  authDetails: ReceiverVerdicts | null;
  egressIp: string | null;
  /** The egress IP is an enabled asset or inside an enabled range asset (else the UI offers to add it). */
  egressMonitored: boolean;
  /** Why the seed failed (SMTP or mailbox), or the last mailbox error while still pending; in words. */
  error: string | null;
}

/** One test in the list (GET /api/placement-tests). */
export interface PlacementTestSummaryView {
  id: string;
  serverId: string;
  serverName: string;
  trigger: string;
  /** sending | collecting | complete */
  status: string;
  createdAt: Date;
  deadlineAt: Date | null;
  completedAt: Date | null;
  counts: PlacementCounts;
}

/** One test with its seeds (GET /api/placement-tests/:id). */
export interface PlacementTestView extends PlacementTestSummaryView {
  token: string;
  results: PlacementResultView[];
}

/** Shape a test row and its results' placements for the list. */
export function toPlacementTestSummary(params: {
  test: PlacementTest;
  serverName: string;
  results: { placement: string }[];
}): PlacementTestSummaryView {
  const { test } = params;
  return {
    id: test.id,
    serverId: test.serverId,
    serverName: params.serverName,
    trigger: test.trigger,
    status: test.status,
    createdAt: test.createdAt,
    deadlineAt: test.deadlineAt,
    completedAt: test.completedAt,
    counts: placementCounts({ results: params.results }),
  };
}

/** Shape one result row; `monitored` is the set of monitored egress IPs (monitoredEgressIps). */
export function toPlacementResultView(params: { result: PlacementResult; monitored: Set<string> }): PlacementResultView {
  const r = params.result;
  return {
    mailboxId: r.mailboxId,
    mailbox: r.mailboxAddress,
    provider: r.provider,
    messageId: r.messageId,
    smtp: {
      outcome: r.smtpOutcome,
      category: r.smtpCategory,
      stage: r.smtpStage,
      code: r.smtpCode,
      enhancedCode: r.smtpEnhancedCode,
      text: r.smtpText,
      attempts: r.attempts,
      sentAt: r.sentAt,
      nextAttemptAt: r.nextAttemptAt,
    },
    placement: r.placement,
    folder: r.folder,
    tab: r.tab,
    foundAt: r.foundAt,
    latencyMs: r.latencyMs,
    auth: { spf: r.authSpf, dkim: r.authDkim, dmarc: r.authDmarc },
    authDetails: r.authResults ? (JSON.parse(r.authResults) as ReceiverVerdicts) : null,
    egressIp: r.egressIp,
    egressMonitored: r.egressIp !== null && params.monitored.has(r.egressIp),
    error: r.error,
  };
}
