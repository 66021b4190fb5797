import { test, expect } from 'vitest';
import { createGate } from '../../../lib/dnsbl/concurrency-gate.ts';

test('a gate never lets more than its limit hold a slot, and serves waiters in order', async () => {
  const gate = createGate(3);
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 2000 }, async (_, i) => {
      const w = gate.acquire();
      if (w) await w;
      order.push(i);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setImmediate(r));
      active--;
      gate.release();
    }),
  );
  expect(peak).toBe(3);
  expect(order).toEqual(Array.from({ length: 2000 }, (_, i) => i));
});
