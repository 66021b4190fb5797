'use client';

import Link from 'next/link';
import type { Overview } from '../_hooks/api-types.ts';
import { useOverviewQuery } from '../_hooks/queries/useOverviewQuery.ts';
import { useStartSweepMutation } from '../_hooks/queries/useStartSweepMutation.ts';
import { errorMessage } from '../_hooks/useApi.ts';
import { useZoneLookup } from '../_hooks/useZoneLookup.ts';
import { Badge, type Tone } from '../_components/Badge.tsx';
import { EventList } from '../_components/EventList.tsx';
import { LoadingPanel } from '../_components/LoadingPanel.tsx';
import { ProgressBar } from '../_components/ProgressBar.tsx';
import { RelativeTime } from '../_components/RelativeTime.tsx';
import { RESOLVER_WORDS } from '../_components/words.ts';
import { InboxRateChart } from '../_components/charts/InboxRateChart.tsx';
import { usePlacementStatsQuery } from '../_hooks/queries/usePlacementStatsQuery.ts';
import { WorstReputationPanel } from './reputation/WorstReputationPanel.tsx';

const RESOLVER_TONE: Record<Overview['resolver']['status'], Tone> = {
  ok: 'green',
  blocked: 'red',
  rewriting: 'red',
  unreachable: 'red',
  unknown: 'gray',
};

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** What the resolver status means for the verdicts, with how many zones failed and how many were checked. */
function resolverProblem(resolver: Overview['resolver']): string | null {
  const failed = resolver.zonesFailed;
  const checked = resolver.zonesChecked;
  const counts = failed !== undefined && checked !== undefined;
  switch (resolver.status) {
    case 'unreachable':
      return 'The resolver is not answering: every test point query timed out or was refused, so no zone could be checked. Check DNSBL_RESOLVER and that the resolver is running.';
    case 'blocked':
      return counts
        ? `${plural(failed, 'zone')} failed their positive test point at once: the resolver is probably refused by those list operators, and listings on them are not being checked. ${plural(checked, 'zone')} ${checked === 1 ? 'was' : 'were'} checked normally.`
        : 'Most zones fail their positive test point: the resolver is probably refused by the list operators; listings on those zones are not being checked.';
    case 'rewriting':
      return 'The resolver answers outside 127.0.0.0/8: it rewrites answers (e.g. an ISP’s NXDOMAIN redirect). Answers are not verdicts.';
    default:
      return null;
  }
}

function BudgetBanner({ overview }: { overview: Overview }) {
  if (overview.zonesBudgetExhausted === 0) return null;
  const zones = overview.budgetExhaustedZones;
  return (
    <div className="alert warn" role="alert" data-testid="budget-exhausted-banner" data-count={overview.zonesBudgetExhausted}>
      Daily query budget used up on {plural(overview.zonesBudgetExhausted, 'zone')}: <span className="mono">{zones.join(', ')}</span>.
      Targets on {zones.length === 1 ? 'it' : 'them'} read “daily budget exhausted” until the budget resets{' '}
      <RelativeTime value={overview.budgetResetsAt} /> (midnight UTC). Sweep fewer addresses, sweep less often
      (DNSBL_SWEEP_CRON), or raise the zone’s budget if your agreement with the operator allows it.
    </div>
  );
}

function Count({ label, value, tone, testId, href }: { label: string; value: number; tone?: string; testId: string; href?: string }) {
  const body = (
    <>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId} data-value={value}>{value.toLocaleString()}</div>
    </>
  );
  return <div className={`card ${value > 0 && tone ? tone : ''}`}>{href ? <Link href={href} style={{ color: 'inherit' }}>{body}</Link> : body}</div>;
}

function ResolverPanel({ resolver }: { resolver: Overview['resolver'] }) {
  return (
    <section className="panel" aria-labelledby="resolver-heading">
      <h2 id="resolver-heading">Resolver</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <Badge tone={RESOLVER_TONE[resolver.status]} testId="resolver-status" data={{ 'data-status': resolver.status }}>
            {RESOLVER_WORDS[resolver.status]}
          </Badge>
          {resolver.reason ? <span data-testid="resolver-reason"> {resolver.reason}</span> : null}
        </dd>
        <dt>Servers</dt>
        <dd className="mono" data-testid="resolver-servers">{resolver.servers.length > 0 ? resolver.servers.join(', ') : 'system default'}</dd>
      </dl>
      {resolver.isPublic ? (
        <div className="alert warn" role="alert" data-testid="resolver-public-warning">
          This is a public resolver. Most blocklist operators (Spamhaus, URIBL, SURBL, …) refuse queries from public
          resolvers, so their answers are errors, not verdicts. Set <code>DNSBL_RESOLVER</code> to your own recursive
          resolver.
        </div>
      ) : null}
      {resolverProblem(resolver) ? (
        <div className="alert error" role="alert" data-testid="resolver-problem">{resolverProblem(resolver)}</div>
      ) : null}
    </section>
  );
}

function SweepPanel({ overview }: { overview: Overview }) {
  const sweep = useStartSweepMutation();
  const { running, lastSweep } = overview;
  return (
    <section className="panel" aria-labelledby="sweep-heading">
      <div className="page-head" style={{ marginBottom: 8 }}>
        <h2 id="sweep-heading" style={{ margin: 0 }}>Sweeps</h2>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          data-testid="sweep-now"
          onClick={() => sweep.mutate()}
          disabled={sweep.isPending || Boolean(running)}
          aria-busy={sweep.isPending}
        >
          {running ? 'Sweep running…' : sweep.isPending ? 'Starting…' : 'Sweep now'}
        </button>
      </div>
      {sweep.isError ? <div className="alert error" role="alert" data-testid="sweep-error">{errorMessage(sweep.error)}</div> : null}
      <dl className="facts">
        <dt>Last sweep</dt>
        <dd data-testid="last-sweep" data-status={lastSweep?.status ?? 'none'}>
          {lastSweep ? (
            <>
              <RelativeTime value={lastSweep.finishedAt ?? lastSweep.startedAt} />{' '}
              <Badge tone={lastSweep.status === 'failed' ? 'red' : lastSweep.status === 'running' ? 'blue' : lastSweep.status === 'queued' ? 'gray' : 'green'}>
                {lastSweep.status}
              </Badge>
            </>
          ) : (
            <span className="muted">never</span>
          )}
        </dd>
        <dt>Next sweep</dt>
        <dd data-testid="next-sweep">
          <RelativeTime value={overview.nextSweepAt} fallback="not scheduled" />
        </dd>
      </dl>
      {running ? (
        <div style={{ marginTop: 10 }}>
          <div className="small muted">Running now</div>
          <ProgressBar done={running.progressDone} total={running.progressTotal} label="Sweep progress" testId="sweep-progress" />
        </div>
      ) : null}
    </section>
  );
}

function RecentEvents({ events }: { events: Overview['recentEvents'] }) {
  const { polarityOf } = useZoneLookup();
  return (
    <section className="panel" aria-labelledby="events-heading">
      <h2 id="events-heading">Recent listings and delistings</h2>
      <LoadingPanel isLoading={false} isEmpty={events.length === 0} emptyMessage="No listing or delisting yet.">
        <EventList events={events} polarityOf={polarityOf} testId="recent-events" />
      </LoadingPanel>
    </section>
  );
}

function InboxRatePanel() {
  const { data, isLoading, error } = usePlacementStatsQuery({ days: 30 });
  return (
    <section className="panel" aria-labelledby="inbox-rate-heading">
      <h2 id="inbox-rate-heading">Inbox rate per provider (last 30 days)</h2>
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={data?.length === 0}
        emptyMessage={<>No placement test yet: add <Link href="/servers">a server</Link> and <Link href="/seed-mailboxes">seed mailboxes</Link>, then run a test.</>}
      >
        {data ? <InboxRateChart points={data} /> : null}
      </LoadingPanel>
    </section>
  );
}

/** Overview `/`: asset counts, zone health, resolver status, sweeps, the worst reputation scores and recent events. */
export function OverviewPage() {
  const { data, isLoading, error } = useOverviewQuery();
  return (
    <>
      <h1>Overview</h1>
      <LoadingPanel isLoading={isLoading} error={error}>
        {data ? (
          <>
            {data.schedulerProblem ? (
              <div className="alert error" role="alert" data-testid="scheduler-problem">{data.schedulerProblem}</div>
            ) : null}
            <BudgetBanner overview={data} />
            <div className="cards" data-testid="overview-counts">
              <Count label="Assets" value={data.assets} testId="overview-assets" href="/assets" />
              <Count label="Listed" value={data.listed} tone="red" testId="overview-listed" href="/assets" />
              <Count label="Clean" value={data.clean} tone="green" testId="overview-clean" />
              <Count label="Errors" value={data.errors} tone="amber" testId="overview-errors" />
              <Count label="Unchecked" value={data.unchecked} testId="overview-unchecked" />
              <Count label="Zones enabled" value={data.zonesEnabled} testId="overview-zones-enabled" href="/zones" />
              <Count label="Zones unhealthy" value={data.zonesUnhealthy} tone="amber" testId="overview-zones-unhealthy" href="/zones" />
            </div>
            <div className="grid-2">
              <SweepPanel overview={data} />
              <ResolverPanel resolver={data.resolver} />
            </div>
            <WorstReputationPanel />
            <RecentEvents events={data.recentEvents} />
            <InboxRatePanel />
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
