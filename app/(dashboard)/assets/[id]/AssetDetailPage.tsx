'use client';

import Link from 'next/link';
import { useAssetEventsQuery } from '../../../_hooks/queries/useAssetEventsQuery.ts';
import { useAssetHistoryQuery } from '../../../_hooks/queries/useAssetHistoryQuery.ts';
import { useAssetQuery } from '../../../_hooks/queries/useAssetQuery.ts';
import { useCheckAssetMutation } from '../../../_hooks/queries/useCheckAssetMutation.ts';
import { errorMessage } from '../../../_hooks/useApi.ts';
import { useZoneLookup } from '../../../_hooks/useZoneLookup.ts';
import { AssetStatusBadge } from '../../../_components/AssetStatusBadge.tsx';
import { Badge } from '../../../_components/Badge.tsx';
import { EventList } from '../../../_components/EventList.tsx';
import { ListingTimeline } from '../../../_components/charts/ListingTimeline.tsx';
import { LoadingPanel } from '../../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../../_components/RelativeTime.tsx';
import { KIND_WORDS } from '../../../_components/words.ts';
import { ReputationLink } from '../../../_components/ReputationLink.tsx';
import { ListingsTable } from './ListingsTable.tsx';

function CheckNowButton({ id }: { id: string }) {
  const check = useCheckAssetMutation(id);
  const result = check.data?.listings;
  return (
    <div className="field" style={{ alignItems: 'flex-end' }}>
      <button type="button" className="primary" onClick={() => check.mutate()} disabled={check.isPending} aria-busy={check.isPending} data-testid="check-now">
        {check.isPending ? 'Checking…' : 'Check now'}
      </button>
      {check.isError ? <div className="field-error" role="alert" data-testid="check-error">{errorMessage(check.error)}</div> : null}
      {result ? (
        <div className="field-hint" role="status" data-testid="check-result">
          Checked {result.length.toLocaleString()}: {result.filter((l) => l.verdict === 'listed').length} listed,{' '}
          {result.filter((l) => l.verdict === 'error').length} errors
        </div>
      ) : null}
    </div>
  );
}

function History({ id }: { id: string }) {
  const { data, isLoading, error } = useAssetHistoryQuery(id);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Listings over time</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No sweep yet.">
        {data ? <ListingTimeline history={data} /> : null}
      </LoadingPanel>
    </section>
  );
}

function Events({ id }: { id: string }) {
  const { data, isLoading, error } = useAssetEventsQuery(id);
  const { polarityOf } = useZoneLookup();
  return (
    <section className="panel" aria-labelledby="asset-events-heading">
      <h2 id="asset-events-heading">Listing and delisting events</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No listing or delisting yet.">
        {data ? <EventList events={data} polarityOf={polarityOf} testId="asset-events" /> : null}
      </LoadingPanel>
    </section>
  );
}

/** Asset detail `/assets/[id]`: header, check now, per-zone verdicts, timeline chart and events. */
export function AssetDetailPage({ id }: { id: string }) {
  const asset = useAssetQuery(id);
  const { byName } = useZoneLookup();
  const a = asset.data;
  return (
    <>
      <div className="small" style={{ marginBottom: 6 }}><Link href="/assets">← Assets</Link></div>
      <LoadingPanel isLoading={asset.isLoading} error={asset.error}>
        {a ? (
          <>
            <header className="page-head" data-testid="asset-header" data-asset-id={a.id} data-kind={a.kind}>
              <div>
                <h1 className="mono" data-testid="asset-value">{a.display ?? a.value}</h1>
                <div className="muted small">
                  {KIND_WORDS[a.kind]}
                  {a.kind === 'range' ? ` · ${a.targets.toLocaleString()} addresses` : ''}
                  {a.display && a.display !== a.value ? <> · <span className="mono">{a.value}</span></> : null}
                  {a.label ? ` · ${a.label}` : ''}
                  {' · last checked '}<RelativeTime value={a.lastCheckedAt} fallback="never" />
                </div>
                {a.enabled ? <ReputationLink subjectType={a.kind === 'domain' ? 'domain' : 'ip'} subjectId={a.kind === 'domain' ? a.value : a.id} /> : null}
              </div>
              <AssetStatusBadge asset={a} />
              {a.enabled ? null : <Badge tone="gray">paused</Badge>}
              <span className="spacer" />
              <CheckNowButton id={a.id} />
            </header>
            {a.kind === 'range' ? null : <ListingsTable asset={a} zones={byName} />}
            <div className="grid-2">
              <History id={a.id} />
              <Events id={a.id} />
            </div>
            {a.kind === 'range' ? <ListingsTable asset={a} zones={byName} /> : null}
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
