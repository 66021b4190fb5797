import { test, expect } from 'vitest';
import { createSerialEmitter } from '../../../lib/dnsbl/serial-emitter.ts';

test('a synchronous consumer gets every item at once, without a promise', () => {
  const got: number[] = [];
  const e = createSerialEmitter<number>({ deliver: (n) => void got.push(n), onError: () => {} });
  expect([1, 2, 3].map((n) => e.emit(n))).toEqual([undefined, undefined, undefined]);
  expect(got).toEqual([1, 2, 3]);
});

test('an asynchronous consumer gets one item at a time, in order; a failing call goes to onError and the rest follow', async () => {
  const got: number[] = [];
  const errors: string[] = [];
  let active = 0;
  let peak = 0;
  const e = createSerialEmitter<number>({
    async deliver(n) {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
      if (n === 3) throw new Error('item 3 failed');
      got.push(n);
    },
    onError: (err) => errors.push((err as Error).message),
  });
  for (let n = 1; n <= 6; n++) void e.emit(n);
  await e.drain();
  expect(got).toEqual([1, 2, 4, 5, 6]);
  expect(errors).toEqual(['item 3 failed']);
  expect(peak).toBe(1);
  // A consumer that throws synchronously is reported the same way.
  const sync = createSerialEmitter<number>({ deliver: () => { throw new Error('sync'); }, onError: (err) => errors.push((err as Error).message) });
  expect(sync.emit(1)).toBeUndefined();
  expect(errors).toEqual(['item 3 failed', 'sync']);
});
