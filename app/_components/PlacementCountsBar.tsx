import type { PlacementCounts } from '../_hooks/api-types.ts';

const SEGMENTS: { key: keyof PlacementCounts; label: string; className: string }[] = [
  { key: 'inbox', label: 'inbox', className: 'seg-inbox' },
  { key: 'tab', label: 'tab', className: 'seg-tab' },
  { key: 'spam', label: 'spam', className: 'seg-spam' },
  { key: 'other_folder', label: 'other folder', className: 'seg-other' },
  { key: 'missing', label: 'missing', className: 'seg-missing' },
  { key: 'error', label: 'error', className: 'seg-error' },
  { key: 'pending', label: 'pending', className: 'seg-pending' },
];

/** Counts of one test per placement as a compact stacked bar with the numbers beside it. */
export function PlacementCountsBar({ counts }: { counts: PlacementCounts }) {
  const total = SEGMENTS.reduce((sum, s) => sum + (counts[s.key] ?? 0), 0);
  const shown = SEGMENTS.filter((s) => (counts[s.key] ?? 0) > 0);
  const summary = shown.map((s) => `${counts[s.key]} ${s.label}`).join(', ') || 'no seeds';
  const data = Object.fromEntries(SEGMENTS.map((s) => [`data-${s.key.replace('_', '-')}`, String(counts[s.key] ?? 0)]));
  return (
    <div className="counts-bar" data-testid="placement-counts" {...data}>
      <div className="stack" role="img" aria-label={summary}>
        {shown.map((s) => (
          <div key={s.key} className={s.className} style={{ flexGrow: counts[s.key] }} title={`${counts[s.key]} ${s.label}`} />
        ))}
        {total === 0 ? <div className="seg-pending" style={{ flexGrow: 1 }} /> : null}
      </div>
      <span className="small">{summary}</span>
    </div>
  );
}
