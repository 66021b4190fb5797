'use client';

import type { ReactNode } from 'react';
import { errorMessage } from '../_hooks/useApi.ts';

export interface LoadingPanelProps {
  isLoading: boolean;
  error?: unknown;
  /** True when the data arrived but there is nothing to show. */
  isEmpty?: boolean;
  emptyMessage?: ReactNode;
  children: ReactNode;
}

/** The one place that renders loading, error (the API's message) and empty states around a data view. */
export function LoadingPanel({ isLoading, error, isEmpty, emptyMessage = 'Nothing here yet.', children }: LoadingPanelProps) {
  if (error) {
    return (
      <div className="alert error" role="alert" data-testid="loading-panel" data-state="error">
        {errorMessage(error)}
      </div>
    );
  }
  if (isLoading) {
    return (
      <div className="state-panel" role="status" aria-live="polite" data-testid="loading-panel" data-state="loading">
        Loading…
      </div>
    );
  }
  if (isEmpty) {
    return (
      <div className="state-panel" data-testid="loading-panel" data-state="empty">
        {emptyMessage}
      </div>
    );
  }
  return <>{children}</>;
}
