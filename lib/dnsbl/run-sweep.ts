import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckResult, DnsOutcome, KeyType, ResolverHealth, ZoneDefinition, ZoneHealth } from './types.ts';
import type { DnsClient } from './dns-client.ts';
import { queryName } from './query-name.ts';
import { classifyAnswer } from './classify-answer.ts';
import { zoneAppliesTo } from './zone-catalog.ts';
import { checkZoneHealth } from './check-zone-health.ts';
import type { ZoneKeyHealth } from './check-zone-health.ts';
import { assessResolver } from './assess-resolver.ts';
import { createGate } from './concurrency-gate.ts';
import type { Gate } from './concurrency-gate.ts';
import { mergeZoneHealth } from './merge-zone-health.ts';

/** One target to sweep. `key` is the caller's tag (e.g. an asset id), copied to every result. */
export interface SweepTarget {
  value: string;
  keyType: KeyType;
  key?: string;
}

/** One (target, zone) outcome; `confirmed` is true when a listing held on the confirmation re-query. */
export interface SweepResult extends CheckResult {
  key?: string;
  confirmed?: boolean;
}

/** A per-zone query budget (e.g. a daily free-use limit). `take` returns false when the queries may not be sent. */
export interface ZoneBudget {
  take(zone: string, queries: number): boolean;
}

/** What a sweep did: zone health per zone probed, the resolver's health, queries sent, result counts, ms taken. */
export interface SweepSummary {
  zoneHealth: ZoneHealth[];
  resolver: ResolverHealth;
  queries: number;
  counts: { listed: number; notListed: number; errors: number; notApplicable: number };
  durationMs: number;
}

const PROGRESS_EVERY_MS = 250;

/**
 * Sweeps `targets` × `zones` (design §5) and streams one result per (target, zone) through `onResult`.
 * - A zone only receives its key type; other pairs are `not_applicable` (BL-05). A pair whose query name would
 *   exceed 253 characters is `not_applicable` too.
 * - Before the first target of a key type reaches a zone, the zone's RFC 5782 test points for that key type are
 *   asked (checkZoneHealth). An unhealthy zone's targets are not queried: `error`/`zone_unhealthy` with the
 *   reason in `detail`. Zones whose key type is never swept are not probed.
 * - Every query (test points, targets, confirmations, TXT) first takes one unit of `budget`; when refused,
 *   nothing is sent and the pair is `error`/`budget_exhausted` (a refused TXT lookup just leaves `txt` out).
 * - A `listed` answer for which `needsConfirmation` holds (default: all) is asked again after `confirmDelayMs`
 *   (default 2000 ms): still listed → `confirmed: true`; clean → `not_listed`; an error → that error.
 * - The TXT record is fetched for `listed` and `query_blocked` results (joined with `; ` when several).
 * - At most `concurrency` (default 100) queries in flight overall and `zoneConcurrency` (default 25) per zone.
 *   Targets are pulled lazily and `onResult` is awaited one call at a time, so memory stays flat however large
 *   the sweep. `onProgress` gets `{ done: queries answered, total: expectedQueries ?? null }` at most every
 *   250 ms, and once at the end.
 * - `signal` aborts: queries in flight are cancelled, no further result is emitted, and the promise rejects with
 *   an AbortError. It also rejects with the error when `onResult` throws.
 */
export async function runSweep(params: {
  targets: Iterable<SweepTarget> | AsyncIterable<SweepTarget>;
  zones: ZoneDefinition[];
  client: DnsClient;
  concurrency?: number;
  zoneConcurrency?: number;
  budget?: ZoneBudget;
  confirmDelayMs?: number;
  needsConfirmation?: (r: SweepResult) => boolean;
  expectedQueries?: number;
  onResult: (r: SweepResult) => void | Promise<void>;
  onProgress?: (p: { done: number; total: number | null }) => void;
  signal?: AbortSignal;
}): Promise<SweepSummary> {
  const { zones, client, budget, onResult, onProgress } = params;
  const started = performance.now();
  const confirmDelayMs = params.confirmDelayMs ?? 2000;
  const needsConfirmation = params.needsConfirmation ?? (() => true);
  const zoneLimit = params.zoneConcurrency ?? 25;
  const global = createGate(params.concurrency ?? 100);
  const zoneGates = new Map<string, Gate>(zones.map((z) => [z.zone, createGate(zoneLimit)]));
  const health = new Map<string, Promise<ZoneKeyHealth>>();
  const settledHealth: ZoneKeyHealth[] = [];
  const healthKnown = new Map<string, ZoneKeyHealth>();
  const ctl = new AbortController();
  const signal = ctl.signal;
  const counts = { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
  const total = params.expectedQueries ?? null;
  let queries = 0;
  let done = 0;
  let lastProgress = 0;
  let failure: unknown;
  const onExternalAbort = () => stop(abortError(params.signal?.reason));
  if (params.signal?.aborted) throw abortError(params.signal.reason);
  params.signal?.addEventListener('abort', onExternalAbort, { once: true });

  function stop(err: unknown): void {
    if (failure !== undefined) return;
    failure = err;
    ctl.abort(err);
  }

  function progress(): void {
    if (!onProgress) return;
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    onProgress({ done, total });
  }

  async function ask<T>(zone: string, send: () => Promise<T>): Promise<T | null> {
    signal.throwIfAborted();
    if (budget && !budget.take(zone, 1)) return null;
    const zg = zoneGates.get(zone) as Gate;
    const w1 = zg.acquire();
    if (w1) await w1;
    const w2 = global.acquire();
    if (w2) await w2;
    try {
      signal.throwIfAborted();
      queries++;
      return await send();
    } finally {
      global.release();
      zg.release();
      done++;
      progress();
    }
  }

  const lookupA = (zone: string, name: string): Promise<DnsOutcome | null> => ask(zone, () => client.resolveA(name, { signal }));

  function healthOf(zone: ZoneDefinition, keyType: KeyType): ZoneKeyHealth | Promise<ZoneKeyHealth> {
    const id = `${keyType} ${zone.zone}`;
    const known = healthKnown.get(id);
    if (known) return known;
    let h = health.get(id);
    if (!h) {
      h = checkZoneHealth({ zone, keyType, lookup: (name) => lookupA(zone.zone, name) });
      h.then((r) => {
        settledHealth.push(r);
        healthKnown.set(id, r);
      }, () => {});
      health.set(id, h);
    }
    return h;
  }

  async function check(t: SweepTarget, zone: ZoneDefinition): Promise<SweepResult> {
    const base = { target: t.value, zone: zone.zone, ...(t.key !== undefined ? { key: t.key } : {}) };
    const known = healthOf(zone, t.keyType);
    const h = known instanceof Promise ? await known : known;
    if (h.budgetExhausted) return { ...base, verdict: 'error', reason: 'budget_exhausted', codes: [], meanings: [] };
    if (!h.healthy) return { ...base, verdict: 'error', reason: 'zone_unhealthy', codes: [], meanings: [], detail: h.reason };
    let name: string;
    try {
      name = queryName({ target: t.value, keyType: t.keyType, zone: zone.zone });
    } catch (err) {
      return { ...base, verdict: 'not_applicable', codes: [], meanings: [], detail: (err as Error).message };
    }
    const classify = (outcome: DnsOutcome | null): SweepResult => {
      if (outcome === null) return { ...base, verdict: 'error', reason: 'budget_exhausted', codes: [], meanings: [] };
      const c = classifyAnswer({ zone, outcome });
      return {
        ...base,
        verdict: c.verdict,
        ...(c.reason !== undefined ? { reason: c.reason } : {}),
        codes: c.codes,
        meanings: c.meanings,
        ...(c.detail !== undefined ? { detail: c.detail } : {}),
      };
    };
    let result = classify(await lookupA(zone.zone, name));
    if (result.verdict === 'listed' && needsConfirmation(result)) {
      await sleep(confirmDelayMs, undefined, { signal });
      result = classify(await lookupA(zone.zone, name));
      if (result.verdict === 'listed') result.confirmed = true;
    }
    if (result.verdict === 'listed' || result.reason === 'query_blocked') {
      const txt = await ask(zone.zone, () => client.resolveTxt(name, { signal }));
      if (txt && txt.texts.length > 0) result.txt = txt.texts.join('; ');
    }
    return result;
  }

  // onResult runs one call at a time: synchronously while it returns no promise, else chained behind the last one.
  let emitTail: Promise<void> | null = null;
  function deliver(r: SweepResult): void | Promise<void> {
    if (failure !== undefined) return;
    if (r.verdict === 'listed') counts.listed++;
    else if (r.verdict === 'not_listed') counts.notListed++;
    else if (r.verdict === 'error') counts.errors++;
    else counts.notApplicable++;
    return onResult(r);
  }
  function emit(r: SweepResult): void | Promise<void> {
    if (emitTail === null) {
      const out = deliver(r);
      if (!(out instanceof Promise)) return;
      emitTail = out;
    } else {
      emitTail = emitTail.then(() => deliver(r));
    }
    const tail: Promise<void> = emitTail.then(
      () => {
        if (emitTail === tail) emitTail = null;
      },
      (err) => {
        if (emitTail === tail) emitTail = null;
        stop(err);
      },
    );
    emitTail = tail;
    return tail;
  }

  const maxPending = Math.max(64, (params.concurrency ?? 100) * 4);
  let pending = 0;
  let wake: (() => void) | null = null;
  const waitBelow = async (n: number) => {
    while (pending > n) await new Promise<void>((res) => (wake = res));
  };
  async function run(t: SweepTarget, zone: ZoneDefinition): Promise<void> {
    try {
      const out = emit(await check(t, zone));
      if (out) await out;
    } catch (err) {
      stop(err);
    } finally {
      pending--;
      if (wake) {
        const w = wake;
        wake = null;
        w();
      }
    }
  }

  try {
    outer: for await (const t of params.targets) {
      for (const zone of zones) {
        if (failure !== undefined) break outer;
        if (!zoneAppliesTo(zone, t.keyType)) {
          const out = emit({ target: t.value, zone: zone.zone, verdict: 'not_applicable', codes: [], meanings: [], ...(t.key !== undefined ? { key: t.key } : {}) });
          if (out) await out;
          continue;
        }
        if (pending >= maxPending) await waitBelow(maxPending - 1);
        pending++;
        void run(t, zone);
      }
    }
  } catch (err) {
    stop(err);
  }
  await waitBelow(0);
  while (emitTail) await emitTail;
  params.signal?.removeEventListener('abort', onExternalAbort);
  if (failure !== undefined) throw failure;

  onProgress?.({ done, total });
  const zoneHealth = mergeZoneHealth({ parts: settledHealth.filter((h) => !h.budgetExhausted), checkedAt: new Date() });
  return {
    zoneHealth,
    resolver: assessResolver({ zoneHealth, servers: client.servers }),
    queries,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}

function abortError(reason: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The DNSBL sweep was aborted', 'AbortError');
}
