/**
 * How much of a sweep is under way at once: pairs started and not yet emitted (`pending`), and listings waiting
 * for their confirmation re-query (`following`), each with its own bound. The sweep's target loop waits for room
 * before starting a pair; a pair that becomes a follow-up moves from one count to the other.
 */
export interface SweepWindow {
  /** Whether a new pair may start now. */
  hasRoom(): boolean;
  /** Resolves once a new pair may start. */
  room(): Promise<void>;
  /** A pair starts. */
  start(): void;
  /** A pair was emitted (or failed). */
  finish(): void;
  /** A started pair becomes a follow-up: it leaves `pending` for `following`. */
  toFollowUp(): void;
  /** A follow-up was emitted (or failed). */
  finishFollowUp(): void;
  /** Resolves once nothing is pending or following. */
  idle(): Promise<void>;
}

/** A window of at most `maxPending` pairs and `maxFollowing` follow-ups (both ≥ 1). */
export function createSweepWindow(params: { maxPending: number; maxFollowing: number }): SweepWindow {
  const { maxPending, maxFollowing } = params;
  let pending = 0;
  let following = 0;
  let wake: (() => void) | null = null;
  const waitUntil = async (ready: () => boolean) => {
    while (!ready()) await new Promise<void>((res) => (wake = res));
  };
  const hasRoom = () => pending < maxPending && following < maxFollowing;
  const isIdle = () => pending === 0 && following === 0;
  const wakeUp = () => {
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  return {
    hasRoom,
    room: () => waitUntil(hasRoom),
    start() {
      pending++;
    },
    finish() {
      pending--;
      wakeUp();
    },
    toFollowUp() {
      following++;
      pending--;
      wakeUp();
    },
    finishFollowUp() {
      following--;
      wakeUp();
    },
    idle: () => waitUntil(isIdle),
  };
}
