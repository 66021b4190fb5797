'use client';

import { useEffect, useState } from 'react';
import { formatDateTime, formatRelative } from './format.ts';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A time as "3 min ago" with the full local date and time in the tooltip; "—" (or `fallback`) when absent. */
export function RelativeTime({ value, fallback = '—', testId }: { value?: string | null; fallback?: string; testId?: string }) {
  const now = useNow(15_000);
  if (!value) return <span className="muted" data-testid={testId}>{fallback}</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)} data-testid={testId}>
      {formatRelative(value, now)}
    </time>
  );
}
