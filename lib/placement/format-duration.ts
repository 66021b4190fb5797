/**
 * A duration in seconds as words for the user, largest whole unit: 14400 → "4 hours", 900 → "15 minutes",
 * 90 → "90 seconds", 1 → "1 second".
 */
export function formatDuration(params: { seconds: number }): string {
  const s = Math.round(params.seconds);
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (s >= size && s % size === 0) return `${s / size} ${name}${s / size === 1 ? '' : 's'}`;
  }
  return `${s} second${s === 1 ? '' : 's'}`;
}
