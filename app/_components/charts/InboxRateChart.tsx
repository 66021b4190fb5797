'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PlacementStatPoint } from '../../_hooks/api-types.ts';
import { providerWords } from '../placement-words.ts';

const COLORS: Record<string, string> = {
  gmail: '#b42318',
  outlook: '#0b5cad',
  yahoo: '#6f42c1',
  other: '#59636e',
};

type Row = { day: string } & Record<string, number | string | null>;

/** One row per day with each provider's inbox rate (percent), days in order. */
function byDay(points: PlacementStatPoint[]): { rows: Row[]; providers: string[] } {
  const providers = [...new Set(points.map((p) => p.provider))].sort();
  const rows = new Map<string, Row>();
  for (const p of points) {
    const row = rows.get(p.day) ?? { day: p.day };
    row[p.provider] = p.inboxRate;
    rows.set(p.day, row);
  }
  return { rows: [...rows.values()].sort((a, b) => a.day.localeCompare(b.day)), providers };
}

function formatDay(day: string): string {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Inbox rate per mailbox provider over time (GET /api/placement-stats, one line per provider, percent per day).
 * The wrapper carries `data-days` and `data-providers` for browser tests.
 */
export function InboxRateChart({ points, testId = 'inbox-rate-chart' }: { points: PlacementStatPoint[]; testId?: string }) {
  const { rows, providers } = byDay(points);
  const latest = providers
    .map((provider) => {
      const last = points.filter((p) => p.provider === provider).sort((a, b) => a.day.localeCompare(b.day)).at(-1);
      return `${providerWords(provider)} ${last?.inboxRate ?? '—'}%`;
    })
    .join(', ');
  return (
    <div
      className="chart"
      data-testid={testId}
      data-days={rows.length}
      data-providers={providers.join(',')}
      role="img"
      aria-label={`Inbox rate per provider over ${rows.length} days; latest: ${latest || 'no data'}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e9ee" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} fontSize={11} minTickGap={30} />
          <YAxis domain={[0, 100]} unit="%" fontSize={11} width={44} />
          <Tooltip labelFormatter={(label) => formatDay(String(label))} formatter={(value) => `${value}%`} />
          <Legend verticalAlign="top" height={24} iconSize={10} />
          {providers.map((provider) => (
            <Line
              key={provider}
              type="linear"
              dataKey={provider}
              name={providerWords(provider)}
              stroke={COLORS[provider] ?? '#1f2328'}
              strokeWidth={2}
              dot={rows.length < 40}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
