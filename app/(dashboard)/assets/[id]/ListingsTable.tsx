'use client';

import { useState } from 'react';
import type { Asset, Listing, Polarity, Verdict, Zone } from '../../../_hooks/api-types.ts';
import { useAssetListingsQuery } from '../../../_hooks/queries/useAssetListingsQuery.ts';
import { Badge } from '../../../_components/Badge.tsx';
import { CodeList } from '../../../_components/CodeList.tsx';
import { LoadingPanel } from '../../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../../_components/RelativeTime.tsx';
import { VerdictBadge } from '../../../_components/VerdictBadge.tsx';
import { reasonWords } from '../../../_components/words.ts';

const PAGE_SIZE = 50;

const FILTERS: { verdict?: Verdict; label: string }[] = [
  { label: 'All' },
  { verdict: 'listed', label: 'Listed' },
  { verdict: 'error', label: 'Errors' },
  { verdict: 'not_listed', label: 'Not listed' },
  { verdict: 'not_applicable', label: 'Not applicable' },
];

function ListingRow({ listing, zone, showTarget }: { listing: Listing; zone?: Zone; showTarget: boolean }) {
  const polarity: Polarity = zone?.polarity ?? 'block';
  const delistUrl = listing.delistUrl ?? zone?.delistUrl;
  // Delisting is asked of block lists only: an allow-list (DNSWL) listing is good news.
  const isListed = polarity === 'block' && (listing.verdict === 'listed' || listing.state === 'listed');
  return (
    <tr
      data-testid="listing-row"
      data-verdict={listing.verdict}
      data-zone={listing.zone}
      data-target={listing.target}
      data-state={listing.state}
      data-pending-delisting={listing.pendingDelisting ? 'true' : undefined}
    >
      {showTarget ? <td className="mono">{listing.target}</td> : null}
      <td>
        <code>{listing.zone}</code>
        {zone ? <div className="muted small">{zone.name}{polarity === 'allow' ? ' · allow-list' : ''}</div> : null}
      </td>
      <td>
        {listing.pendingDelisting ? (
          <Badge tone="amber" testId="verdict-badge" data={{ 'data-verdict': 'pending_delisting', 'data-polarity': polarity }}>
            listed — delisting pending ({listing.cleanSweeps} of {listing.cleanSweepsNeeded} clean sweeps)
          </Badge>
        ) : (
          <VerdictBadge verdict={listing.verdict} polarity={polarity} />
        )}
      </td>
      <td data-testid="listing-reason" data-reason={listing.reason ?? ''}>
        {listing.reason ? reasonWords(listing.reason) : <span className="muted">—</span>}
        {listing.verdict === 'error' && listing.state === 'listed' ? (
          <div className="muted small">still listed (last confirmed state)</div>
        ) : null}
      </td>
      <td className={`codes-cell${listing.pendingDelisting ? ' muted' : ''}`} title={listing.pendingDelisting ? 'Codes of the listing that is ending' : undefined}>
        <CodeList codes={listing.codes} meanings={listing.meanings} />
      </td>
      <td className={`txt${listing.pendingDelisting ? ' muted' : ''}`} data-testid="listing-txt">{listing.txt ?? <span className="muted">—</span>}</td>
      <td>
        {isListed && delistUrl ? (
          <a href={delistUrl} target="_blank" rel="noreferrer noopener" data-testid="delist-link">Delist</a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <RelativeTime value={listing.since} />
        {listing.firstListedAt ? <div className="muted small">first listed <RelativeTime value={listing.firstListedAt} /></div> : null}
      </td>
      <td><RelativeTime value={listing.lastCheckedAt} /></td>
    </tr>
  );
}

/**
 * Per-zone (and for ranges per-address) verdicts of one asset: filter by verdict, paginated, in the API's order
 * (listed first, then errors, then the rest), so pages follow on from each other.
 */
export function ListingsTable({ asset, zones }: { asset: Asset; zones: Map<string, Zone> }) {
  const assetId = asset.id;
  const showTarget = asset.kind === 'range';
  const [verdict, setVerdict] = useState<Verdict | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const { data, isLoading, error, isFetching } = useAssetListingsQuery({ id: assetId, verdict, limit: PAGE_SIZE, offset });
  const rows = data ?? [];
  const hasNext = (data?.length ?? 0) === PAGE_SIZE;
  return (
    <section aria-labelledby="listings-heading">
      <h2 id="listings-heading">Verdicts per zone</h2>
      <div className="filters" role="group" aria-label="Filter by verdict" data-testid="listing-filter">
        {FILTERS.map((filter) => (
          <button
            key={filter.label}
            type="button"
            aria-pressed={verdict === filter.verdict}
            onClick={() => {
              setVerdict(filter.verdict);
              setOffset(0);
            }}
          >
            {filter.label}
          </button>
        ))}
        {isFetching && !isLoading ? <span className="muted small" role="status">Refreshing…</span> : null}
      </div>
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={rows.length === 0 && offset === 0}
        emptyMessage={verdict ? 'No rows with this verdict.' : 'Not checked yet: press “Check now” or wait for the next sweep.'}
      >
        <div className="table-wrap">
          <table data-testid="listings-table">
            <thead>
              <tr>
                {showTarget ? <th scope="col">Target</th> : null}
                <th scope="col">Zone</th>
                <th scope="col">Verdict</th>
                <th scope="col">Reason</th>
                <th scope="col">Codes and meanings</th>
                <th scope="col">TXT reason</th>
                <th scope="col">Delist</th>
                <th scope="col">Since</th>
                <th scope="col">Checked</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((listing) => (
                <ListingRow key={`${listing.target} ${listing.zone}`} listing={listing} zone={zones.get(listing.zone)} showTarget={showTarget} />
              ))}
            </tbody>
          </table>
        </div>
        {offset > 0 || hasNext ? (
          <nav className="pager" aria-label="Pages">
            <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} disabled={offset === 0}>Previous</button>
            <span className="muted small" data-testid="listing-page">
              Rows {(offset + 1).toLocaleString()}–{(offset + rows.length).toLocaleString()}
            </span>
            <button type="button" onClick={() => setOffset(offset + PAGE_SIZE)} disabled={!hasNext}>Next</button>
          </nav>
        ) : null}
      </LoadingPanel>
    </section>
  );
}
