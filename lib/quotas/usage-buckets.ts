import type { UsagePoint } from './quota-usage.ts';

/** Sends per bucket for a chart: `points` cover [from, to] with every bucket present (0 when none), oldest first. */
export interface UsageHistory {
  bucket: 'hour' | 'day';
  from: Date;
  to: Date;
  points: { at: Date; count: number }[];
}

/** Sum `usage` into UTC hour or day buckets (each `at` is its bucket's start) from the bucket holding `from` to the one holding `to`. */
export function usageBuckets(p: { usage: UsagePoint[]; bucket: 'hour' | 'day'; from: Date; to: Date }): UsageHistory {
  const size = p.bucket === 'hour' ? 3_600_000 : 86_400_000;
  const first = Math.floor(p.from.getTime() / size) * size;
  const last = Math.floor(p.to.getTime() / size) * size;
  const counts = new Map<number, number>();
  for (const u of p.usage) {
    const key = Math.floor(u.at.getTime() / size) * size;
    if (key >= first && key <= last) counts.set(key, (counts.get(key) ?? 0) + u.count);
  }
  const points: { at: Date; count: number }[] = [];
  for (let t = first; t <= last; t += size) points.push({ at: new Date(t), count: counts.get(t) ?? 0 });
  return { bucket: p.bucket, from: p.from, to: p.to, points };
}
