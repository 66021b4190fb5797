import type { KnownLimitQuota } from './quota-words.ts';

/**
 * Used / limit as a bar with a mark at each threshold; red when exhausted, amber past the first threshold.
 * Carries data-percent, data-exhausted and data-crossed for browser tests. Only for a known limit (an unknown one
 * is QuotaUnknownLimit).
 */
export function QuotaUsageBar({ quota }: { quota: KnownLimitQuota }) {
  const width = Math.min(100, quota.percent);
  const color = quota.exhausted ? 'var(--red)' : quota.crossed.length > 0 ? 'var(--amber)' : 'var(--accent)';
  const unit = quota.window === 'credits' ? 'credits used' : 'sent';
  return (
    <div data-testid="quota-usage" data-percent={quota.percent} data-exhausted={quota.exhausted} data-crossed={quota.crossed.join(',')}>
      <div
        className="progress"
        style={{ position: 'relative', height: 14 }}
        role="progressbar"
        aria-label={`${quota.used} of ${quota.limit} ${unit}`}
        aria-valuemin={0}
        aria-valuemax={quota.limit}
        aria-valuenow={quota.used}
      >
        <div style={{ width: `${width}%`, background: color }} />
        {quota.thresholds.map((t) => (
          <span
            key={t}
            title={`${t} %`}
            data-testid="quota-threshold-mark"
            style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${Math.min(t, 100)}% - 1px)`, width: 2, background: quota.crossed.includes(t) ? 'var(--red)' : '#59636e' }}
          />
        ))}
      </div>
      <div className="small mono" data-testid="quota-numbers">
        {quota.used.toLocaleString()} / {quota.limit.toLocaleString()} {unit} ({quota.percent}%) · {quota.remaining.toLocaleString()} left
        {quota.crossed.length > 0 ? ` · passed ${quota.crossed.map((t) => `${t} %`).join(', ')}` : ''}
      </div>
    </div>
  );
}
