/** Hands results to a consumer one call at a time (see createSerialEmitter). */
export interface SerialEmitter<T> {
  /** Delivers `item` now, or after the calls still pending; returns a promise only while one is pending. */
  emit(item: T): void | Promise<void>;
  /** Resolves once every call emitted so far has settled. */
  drain(): Promise<void>;
}

/**
 * Calls `deliver` once per emitted item, never two at a time: synchronously while `deliver` returns no promise
 * (no allocation per item on that path), else chained behind the last pending call. A call that throws or
 * rejects goes to `onError` and the chain goes on.
 */
export function createSerialEmitter<T>(params: {
  deliver: (item: T) => void | Promise<void>;
  onError: (err: unknown) => void;
}): SerialEmitter<T> {
  const { deliver, onError } = params;
  let tail: Promise<void> | null = null;
  return {
    emit(item) {
      let next: Promise<void>;
      if (tail === null) {
        let out: void | Promise<void>;
        try {
          out = deliver(item);
        } catch (err) {
          onError(err);
          return;
        }
        if (!(out instanceof Promise)) return;
        next = out;
      } else {
        next = tail.then(() => deliver(item));
      }
      const settled: Promise<void> = next.then(
        () => {
          if (tail === settled) tail = null;
        },
        (err) => {
          if (tail === settled) tail = null;
          onError(err);
        },
      );
      tail = settled;
      return settled;
    },
    async drain() {
      while (tail) await tail;
    },
  };
}
