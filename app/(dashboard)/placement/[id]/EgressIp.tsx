'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCreateAssetMutation } from '../../../_hooks/queries/useCreateAssetMutation.ts';
import { errorMessage } from '../../../_hooks/useApi.ts';
import { Badge } from '../../../_components/Badge.tsx';

/**
 * The IP the receiver saw the message come from, with "monitored" when it is one of the monitored assets, or a
 * button that adds it (POST /api/assets) so its DNSBL listings are swept.
 */
export function EgressIp({ placementTestId, ip, monitored }: { placementTestId: string; ip: string | null; monitored: boolean }) {
  const create = useCreateAssetMutation();
  const queryClient = useQueryClient();
  if (!ip) return <span className="muted" data-testid="egress-ip" data-ip="">—</span>;
  const add = () =>
    create.mutate({ value: ip }, { onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placement-tests', placementTestId] }) });
  return (
    <div data-testid="egress-ip" data-ip={ip} data-monitored={monitored}>
      <span className="mono">{ip}</span>{' '}
      {monitored || create.isSuccess ? (
        <Badge tone="green" testId="egress-monitored">monitored</Badge>
      ) : (
        <button type="button" className="link small" onClick={add} disabled={create.isPending} data-testid="egress-add" aria-label={`Add ${ip} to monitored IPs`}>
          {create.isPending ? 'Adding…' : 'Add to monitored IPs'}
        </button>
      )}
      {create.isError ? <div className="field-error" role="alert" data-testid="egress-error">{errorMessage(create.error)}</div> : null}
    </div>
  );
}
