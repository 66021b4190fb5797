import type { ReactNode } from 'react';

export type Tone = 'red' | 'green' | 'amber' | 'gray' | 'blue';

/** A small colored label. Extra data-* attributes let browser tests read the underlying value. */
export function Badge({ tone, children, title, testId, data }: {
  tone: Tone;
  children: ReactNode;
  title?: string;
  testId?: string;
  data?: Record<`data-${string}`, string>;
}) {
  return (
    <span className={`badge ${tone}`} title={title} data-testid={testId} {...data}>
      {children}
    </span>
  );
}
