/** A counting semaphore for in-flight DNS queries. */
export interface Gate {
  /** Takes a slot: `undefined` when one was free (no promise allocated), else a promise resolved when granted. */
  acquire(): Promise<void> | undefined;
  /** Gives a slot back, handing it to the oldest waiter first (FIFO). */
  release(): void;
}

/**
 * A lean FIFO semaphore allowing `limit` holders at once (limit ≥ 1). The hot path (a free slot) allocates
 * nothing; waiters are kept in an array consumed from a moving head, compacted as it grows.
 */
export function createGate(limit: number): Gate {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  let queue: ((() => void) | undefined)[] = [];
  let head = 0;
  return {
    acquire() {
      if (active < max) {
        active++;
        return undefined;
      }
      return new Promise<void>((resolve) => queue.push(resolve));
    },
    release() {
      if (head < queue.length) {
        const next = queue[head] as () => void;
        queue[head++] = undefined;
        if (head === queue.length) {
          queue = [];
          head = 0;
        } else if (head > 1024 && head * 2 > queue.length) {
          queue = queue.slice(head);
          head = 0;
        }
        next();
      } else {
        active--;
      }
    },
  };
}
