import v8 from 'node:v8';

/** V8's default `--semi-space-growth-factor` (node --v8-options), restored when the last holder releases. */
const DEFAULT_GROWTH_FACTOR = 2;
let holders = 0;

/**
 * Stops V8's young generation from growing while a long sweep runs, and lets it grow again afterwards.
 * A sweep allocates a few short-lived objects per query at tens of thousands of queries per second; V8 answers
 * such a rate by doubling the young generation up to its maximum (tens of MB per semi-space, plus the garbage it
 * promotes), which is most of a /16 sweep's resident memory while the live data stays ~15 MB. With the growth
 * factor at 1 (a V8 flag set at run time with v8.setFlagsFromString, read by V8 each time it would grow the
 * space) the young generation keeps its current size: a /18 × 10 engine-only sweep peaked at 154 MB instead of
 * 259 MB for 24 % more CPU (README "Performance"). Process-wide: nested holders
 * are counted; the default factor (2) comes back when the last one releases. Returns the release function
 * (idempotent).
 */
export function capYoungGeneration(): () => void {
  if (holders++ === 0) v8.setFlagsFromString('--semi-space-growth-factor=1');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) v8.setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
  };
}
