/** A progress bar for done / total with an accessible label and the numbers next to it. */
export function ProgressBar({ done, total, label, testId }: { done: number; total: number; label: string; testId?: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="form-row" style={{ alignItems: 'center' }} data-testid={testId} data-done={done} data-total={total}>
      <div
        className="progress"
        style={{ flex: 1 }}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className="mono small">
        {done.toLocaleString()} / {total.toLocaleString()} queries ({percent}%)
      </span>
    </div>
  );
}
