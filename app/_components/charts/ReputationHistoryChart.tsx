'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReputationDetail } from '../../_hooks/api-types.ts';
import { formatDateTime, formatShortDateTime } from '../format.ts';

/** About this many x-axis labels, evenly spaced in time from the first snapshot to the last. */
const TICKS = 6;

function timeTicks(first: number, last: number): number[] {
  if (last <= first) return [first];
  const step = (last - first) / (TICKS - 1);
  return Array.from({ length: TICKS }, (_, i) => Math.round(first + i * step));
}

/**
 * A subject's reputation score over time (GET /api/reputation/:subjectType/:subjectId `history`, oldest first), as
 * a step line: a snapshot is written when the score changes (and at least every 6 hours), so the score holds until
 * the next point. Dashed lines mark the badge colours' bounds (50 and 80). The wrapper carries `data-points` and
 * `data-last-score` for browser tests.
 */
export function ReputationHistoryChart({ history }: { history: ReputationDetail['history'] }) {
  const points = history.map((p) => ({ t: new Date(p.at).getTime(), score: p.score }));
  const ticks = points.length > 0 ? timeTicks(points[0].t, points[points.length - 1].t) : [];
  const last = history.at(-1);
  return (
    <div
      className="chart"
      data-testid="reputation-history-chart"
      data-points={history.length}
      data-last-score={last?.score ?? ''}
      role="img"
      aria-label={`Reputation score over ${history.length} snapshots; latest ${last?.score ?? 'none'}`}
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
          <YAxis domain={[0, 100]} fontSize={11} width={40} />
          <ReferenceLine y={80} stroke="#1a7f37" strokeDasharray="4 4" />
          <ReferenceLine y={50} stroke="#b42318" strokeDasharray="4 4" />
          <Tooltip labelFormatter={(label) => formatDateTime(new Date(Number(label)).toISOString())} formatter={(value) => [value, 'Score']} />
          <Line type="stepAfter" dataKey="score" name="Score" stroke="#0b5cad" strokeWidth={2} dot={history.length < 40} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
