'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HistoryPoint } from '../../_hooks/api-types.ts';
import { formatDateTime, formatShortDateTime } from '../format.ts';

/**
 * Listings and errors per sweep of one asset over time (GET /api/assets/:id/history, oldest first).
 * The wrapper carries `data-points` and the latest counts for browser tests.
 */
export function ListingTimeline({ history }: { history: HistoryPoint[] }) {
  const last = history.at(-1);
  return (
    <div
      className="chart"
      data-testid="listing-timeline"
      data-points={history.length}
      data-last-listed={last?.listed ?? 0}
      data-last-errors={last?.errors ?? 0}
      role="img"
      aria-label={`Listings per sweep, ${history.length} sweeps; latest: ${last?.listed ?? 0} listed, ${last?.errors ?? 0} errors`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={history} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e9ee" vertical={false} />
          <XAxis dataKey="at" tickFormatter={formatShortDateTime} fontSize={11} minTickGap={40} />
          <YAxis allowDecimals={false} fontSize={11} width={40} />
          <Tooltip labelFormatter={(label) => formatDateTime(String(label))} />
          <Legend verticalAlign="top" height={24} iconSize={10} />
          <Line type="stepAfter" dataKey="listed" name="Listed" stroke="#b42318" strokeWidth={2} dot={history.length < 40} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="errors" name="Errors" stroke="#bf8700" strokeWidth={2} dot={history.length < 40} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
