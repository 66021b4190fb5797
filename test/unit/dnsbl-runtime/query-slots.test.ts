import { test, expect } from 'vitest';
import { createQuerySlots } from '../../../lib/dnsbl/query-slots.ts';
import type { ZoneSlots } from '../../../lib/dnsbl/query-slots.ts';

/** Runs `n` jobs per zone through the slots, each holding its slot for one event-loop turn. */
async function drive(params: { limit: number; zoneLimit: number; zones: number; n: number }) {
  const slots = createQuerySlots(params);
  const zones: ZoneSlots[] = Array.from({ length: params.zones }, () => ({ active: 0 }));
  const peakZone = zones.map(() => 0);
  let peak = 0;
  const order: string[] = [];
  await Promise.all(
    Array.from({ length: params.n }, (_, i) =>
      zones.map(
        (zone, z) =>
          new Promise<void>((resolve) =>
            slots.take({
              zone,
              go() {
                order.push(`${z}:${i}`);
                peak = Math.max(peak, slots.active);
                peakZone[z] = Math.max(peakZone[z], zone.active);
                setImmediate(() => {
                  slots.release(zone);
                  resolve();
                });
              },
            }),
          ),
      ),
    ).flat(),
  );
  return { peak, peakZone, order, active: slots.active };
}

test('never more than the limit in flight, nor more than the zone limit on one zone; every waiter runs once', async () => {
  const r = await drive({ limit: 10, zoneLimit: 3, zones: 5, n: 400 });
  expect(r.peak).toBe(10);
  expect(Math.max(...r.peakZone)).toBeLessThanOrEqual(3);
  expect(r.order.length).toBe(2000);
  expect(new Set(r.order).size).toBe(2000);
  expect(r.active).toBe(0);
  const two = await drive({ limit: 10, zoneLimit: 3, zones: 2, n: 400 });
  expect(two.peakZone).toEqual([3, 3]);
  expect(two.peak).toBe(6);
});

test('one zone: waiters run in the order they came, at most the zone limit at once', async () => {
  const r = await drive({ limit: 100, zoneLimit: 7, zones: 1, n: 1000 });
  expect(r.peak).toBe(7);
  expect(r.order).toEqual(Array.from({ length: 1000 }, (_, i) => `0:${i}`));
});

test('a full zone does not hold back the others behind it', async () => {
  const slots = createQuerySlots({ limit: 4, zoneLimit: 1 });
  const busy: ZoneSlots = { active: 0 };
  const free: ZoneSlots = { active: 0 };
  const ran: string[] = [];
  slots.take({ zone: busy, go: () => ran.push('busy 1') });
  slots.take({ zone: busy, go: () => ran.push('busy 2') });
  slots.take({ zone: free, go: () => ran.push('free 1') });
  expect(ran).toEqual(['busy 1']);
  slots.release(busy);
  expect(ran).toEqual(['busy 1', 'busy 2']);
  slots.release(busy);
  expect(ran).toEqual(['busy 1', 'busy 2', 'free 1']);
});
