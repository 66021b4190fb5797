import type { Asset } from '../_hooks/api-types.ts';
import { Badge } from './Badge.tsx';
import { reasonWords } from './words.ts';

/** "daily budget exhausted on zen.spamhaus.org" for each of an asset's error reasons. */
export function errorReasonWords(asset: Asset): string[] {
  return asset.errorReasons.map((r) => `${reasonWords(r.reason)} on ${r.zone}`);
}

/** Status of an asset: "listed in N zones" (red), clean, error, unchecked; paused assets say so. */
export function AssetStatusBadge({ asset, testId = 'asset-status' }: { asset: Asset; testId?: string }) {
  const data = { 'data-status': asset.status, 'data-listed': String(asset.listed), 'data-errors': String(asset.errors) };
  switch (asset.status) {
    case 'listed': {
      const text = asset.kind === 'range'
        ? `listed: ${asset.listed} ${asset.listed === 1 ? 'listing' : 'listings'}`
        : `listed in ${asset.listed} ${asset.listed === 1 ? 'zone' : 'zones'}`;
      return <Badge tone="red" testId={testId} data={data}>{text}</Badge>;
    }
    case 'clean':
      return <Badge tone="green" testId={testId} data={data}>clean</Badge>;
    case 'error': {
      const reasons = errorReasonWords(asset);
      const text = reasons.length === 0 ? `error (${asset.errors})` : `error: ${reasons[0]}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''}`;
      return (
        <Badge tone="amber" testId={testId} data={data} title={reasons.length > 0 ? reasons.join('\n') : 'Some zones could not give a verdict'}>
          {text}
        </Badge>
      );
    }
    default:
      return <Badge tone="gray" testId={testId} data={data}>unchecked</Badge>;
  }
}
