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

/** About this many x-axis labels, evenly spaced in time from the first sweep to the last. */
const TICKS = 6;

/** Evenly spaced tick times (ms) across [first, last]; one tick when every sweep has the same time. */
function timeTicks(first: number, last: number): number[] {
  if (last <= first) return [first];
  const step = (last - first) / (TICKS - 1);
  return Array.from({ length: TICKS }, (_, i) => Math.round(first + i * step));
}

/**
 * Listings and errors per sweep of one asset over time (GET /api/assets/:id/history, oldest first).
 * The wrapper carries `data-points` and the latest counts for browser tests.
 */
export function ListingTimeline({ history }: { history: HistoryPoint[] }) {
  const last = history.at(-1);
  // A time axis (not one category per sweep), so labels are spread over the period whatever the number of sweeps.
  const points = history.map((p) => ({ ...p, t: new Date(p.at).getTime() }));
  const ticks = points.length > 0 ? timeTicks(points[0].t, points[points.length - 1].t) : [];
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
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e9ee" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            ticks={ticks}
            tickFormatter={(t: number) => formatShortDateTime(new Date(t).toISOString())}
            fontSize={11}
            minTickGap={8}
          />
          <YAxis allowDecimals={false} fontSize={11} width={40} />
          <Tooltip labelFormatter={(label) => formatDateTime(new Date(Number(label)).toISOString())} />
          <Legend verticalAlign="top" height={24} iconSize={10} />
          <Line type="stepAfter" dataKey="listed" name="Listed" stroke="#b42318" strokeWidth={2} dot={history.length < 40} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="errors" name="Errors" stroke="#bf8700" strokeWidth={2} dot={history.length < 40} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
