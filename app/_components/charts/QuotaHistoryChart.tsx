'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { QuotaHistory } from '../../_hooks/api-types.ts';

function formatBucket(iso: string, bucket: 'hour' | 'day'): string {
  const d = new Date(iso);
  return bucket === 'hour'
    ? d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Sends per hour or per day for one quota (GET /api/quotas/:id/history), with the hourly or daily limit as a
 * reference line when one applies (`limitLine`). The wrapper carries `data-points` and `data-total` for tests.
 */
export function QuotaHistoryChart({ history, limitLine, testId = 'quota-history-chart' }: { history: QuotaHistory; limitLine?: number; testId?: string }) {
  const total = history.points.reduce((n, p) => n + p.count, 0);
  return (
    <div
      className="chart"
      data-testid={testId}
      data-points={history.points.length}
      data-total={total}
      role="img"
      aria-label={`Sends per ${history.bucket}: ${total.toLocaleString()} over ${history.points.length} ${history.bucket}s`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={history.points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e9ee" vertical={false} />
          <XAxis dataKey="at" tickFormatter={(v) => formatBucket(String(v), history.bucket)} fontSize={11} minTickGap={40} />
          <YAxis allowDecimals={false} fontSize={11} width={48} />
          <Tooltip labelFormatter={(v) => formatBucket(String(v), history.bucket)} formatter={(value) => [`${value} sent`, 'Usage']} />
          {limitLine !== undefined ? <ReferenceLine y={limitLine} stroke="#b42318" strokeDasharray="4 4" /> : null}
          <Bar dataKey="count" fill="#0b5cad" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
