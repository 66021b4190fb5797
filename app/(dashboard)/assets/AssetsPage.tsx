'use client';

import Link from 'next/link';
import type { Asset } from '../../_hooks/api-types.ts';
import { useAssetsQuery } from '../../_hooks/queries/useAssetsQuery.ts';
import { useDeleteAssetMutation } from '../../_hooks/queries/useDeleteAssetMutation.ts';
import { useUpdateAssetMutation } from '../../_hooks/queries/useUpdateAssetMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { AssetStatusBadge } from '../../_components/AssetStatusBadge.tsx';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';
import { KIND_WORDS } from '../../_components/words.ts';
import { AddAssetForm } from './AddAssetForm.tsx';

function AssetRow({ asset }: { asset: Asset }) {
  const update = useUpdateAssetMutation();
  const remove = useDeleteAssetMutation();
  const shown = asset.display ?? asset.value;
  const onRemove = () => {
    if (window.confirm(`Stop monitoring ${shown} and delete its listing history?`)) remove.mutate(asset.id);
  };
  const failure = update.error ?? remove.error;
  return (
    <tr className={asset.enabled ? undefined : 'paused'} data-testid="asset-row" data-asset-id={asset.id} data-value={asset.value} data-enabled={asset.enabled}>
      <td>
        <Link href={`/assets/${asset.id}`} className="mono" data-testid="asset-link">{shown}</Link>
        {asset.display && asset.display !== asset.value ? <div className="muted small mono">{asset.value}</div> : null}
        {asset.label ? <div className="muted small">{asset.label}</div> : null}
      </td>
      <td>{KIND_WORDS[asset.kind]}</td>
      <td className="num">{asset.targets.toLocaleString()}</td>
      <td>
        <AssetStatusBadge asset={asset} />
        {asset.enabled ? null : <span className="badge gray" style={{ marginLeft: 4 }}>paused</span>}
      </td>
      <td><RelativeTime value={asset.lastCheckedAt} fallback="never" /></td>
      <td>
        <div className="actions">
          <button
            type="button"
            onClick={() => update.mutate({ id: asset.id, enabled: !asset.enabled })}
            disabled={update.isPending}
            data-testid="asset-toggle"
            aria-label={`${asset.enabled ? 'Pause' : 'Resume'} ${shown}`}
          >
            {asset.enabled ? 'Pause' : 'Resume'}
          </button>
          <button type="button" className="danger" onClick={onRemove} disabled={remove.isPending} data-testid="asset-remove" aria-label={`Remove ${shown}`}>
            {remove.isPending ? 'Removing…' : 'Remove'}
          </button>
        </div>
        {failure ? <div className="field-error" role="alert">{errorMessage(failure)}</div> : null}
      </td>
    </tr>
  );
}

/** Assets `/assets`: add form and the table of monitored IPs, ranges and domains. */
export function AssetsPage() {
  const { data, isLoading, error } = useAssetsQuery();
  return (
    <>
      <h1>Assets</h1>
      <AddAssetForm />
      <h2>Monitored assets{data ? ` (${data.length})` : ''}</h2>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={data?.length === 0} emptyMessage="No assets yet: add a sending IP, range or domain above.">
        <div className="table-wrap">
          <table data-testid="assets-table">
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">Targets</th>
                <th scope="col">Status</th>
                <th scope="col">Last checked</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data?.map((asset) => <AssetRow key={asset.id} asset={asset} />)}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </>
  );
}
