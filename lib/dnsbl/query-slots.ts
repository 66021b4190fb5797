/** What waits for a query slot: its zone's slot counter, and `go`, called once the slot is granted. */
export interface SlotWaiter {
  zone: ZoneSlots;
  go(): void;
}

/** One zone's share of the slots: queries it has in flight. */
export interface ZoneSlots {
  active: number;
}

/** Query slots: at most `limit` queries in flight overall and `zoneLimit` on any one zone. */
export interface QuerySlots {
  /** Grants a slot to `w` now (calls `w.go()` synchronously) when its zone and the whole have room; else queues it. */
  take(w: SlotWaiter): void;
  /** Gives back a slot of `zone` and grants it to the oldest waiter that now fits. */
  release(zone: ZoneSlots): void;
  /** Queries in flight. */
  readonly active: number;
}

/**
 * A two-level FIFO semaphore for a sweep's DNS queries (design §5: a global and a per-zone concurrency limit).
 * The hot path (room on both levels) allocates nothing and calls `go` at once. Waiters are served oldest first;
 * one whose zone is full is skipped (it keeps its place) for the next that fits, so a busy zone never blocks the
 * others. Limits below 1 count as 1.
 */
export function createQuerySlots(params: { limit: number; zoneLimit: number }): QuerySlots {
  const limit = Math.max(1, Math.floor(params.limit));
  const zoneLimit = Math.max(1, Math.floor(params.zoneLimit));
  let active = 0;
  let queue: (SlotWaiter | null)[] = [];
  let head = 0;

  function grantNext(): void {
    for (let i = head; i < queue.length && active < limit; i++) {
      const w = queue[i];
      if (w === null || w.zone.active >= zoneLimit) continue;
      queue[i] = null;
      while (head < queue.length && queue[head] === null) head++;
      if (head === queue.length) {
        queue = [];
        head = 0;
      } else if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      active++;
      w.zone.active++;
      w.go();
      return;
    }
  }

  return {
    take(w) {
      if (active < limit && w.zone.active < zoneLimit && head === queue.length) {
        active++;
        w.zone.active++;
        w.go();
        return;
      }
      queue.push(w);
    },
    release(zone) {
      active--;
      zone.active--;
      if (head < queue.length) grantNext();
    },
    get active() {
      return active;
    },
  };
}
