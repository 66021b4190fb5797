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

const RESOLVER_TONE: Record<Overview['resolver']['status'], Tone> = {
  ok: 'green',
  blocked: 'red',
  rewriting: 'red',
  unknown: 'gray',
};

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
      {resolver.status === 'blocked' || resolver.status === 'rewriting' ? (
        <div className="alert error" role="alert">
          {resolver.status === 'blocked'
            ? 'Most zones fail their positive test point: the resolver is blocked by the list operators. Listings are not being checked.'
            : 'The resolver answers outside 127.0.0.0/8: it rewrites answers (e.g. an ISP’s NXDOMAIN redirect). Answers are not verdicts.'}
        </div>
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
              <Badge tone={lastSweep.status === 'failed' ? 'red' : lastSweep.status === 'running' ? 'blue' : 'green'}>
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

/** Overview `/`: asset counts, zone health, resolver status, sweeps and recent events. */
export function OverviewPage() {
  const { data, isLoading, error } = useOverviewQuery();
  return (
    <>
      <h1>Overview</h1>
      <LoadingPanel isLoading={isLoading} error={error}>
        {data ? (
          <>
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
            <RecentEvents events={data.recentEvents} />
            <InboxRatePanel />
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
