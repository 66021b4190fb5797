import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckResult, DnsOutcome, KeyType, ResolverHealth, ZoneDefinition, ZoneHealth } from './types.ts';
import type { DnsClient, LookupDone } from './dns-client.ts';
import { joinQueryName, queryKey } from './query-name.ts';
import { classifyAnswer } from './classify-answer.ts';
import type { Classification } from './classify-answer.ts';
import { zoneAppliesTo } from './zone-applies-to.ts';
import { checkZoneHealth } from './check-zone-health.ts';
import type { ZoneKeyHealth } from './check-zone-health.ts';
import { assessResolver } from './assess-resolver.ts';
import { createQuerySlots } from './query-slots.ts';
import type { SlotWaiter, ZoneSlots } from './query-slots.ts';
import { mergeZoneHealth } from './merge-zone-health.ts';
import { createSerialEmitter } from './serial-emitter.ts';
import { createSweepWindow } from './sweep-window.ts';
import { capYoungGeneration } from './young-generation-cap.ts';

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
/** Queries from which a sweep counts as long: its young generation stops growing (capYoungGeneration). */
export const LONG_SWEEP_QUERIES = 20_000;

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
 *   Targets are pulled lazily (at most 1.5 × `concurrency` pairs started and not yet emitted, plus up to
 *   10 × `concurrency` listings waiting for their confirmation, so a 2 s confirmation never stalls the sweep) and
 *   `onResult` is called one call at a time (awaited when it returns a promise), so memory stays flat however
 *   large the sweep. `onProgress` gets `{ done: queries answered, total: expectedQueries ?? null }` at most every
 *   250 ms, and once at the end.
 * - A long sweep (`expectedQueries`, or queries answered so far, ≥ LONG_SWEEP_QUERIES) holds capYoungGeneration
 *   until it ends, so its memory stays flat; a short one runs at full speed.
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
  const slots = createQuerySlots({ limit: params.concurrency ?? 100, zoneLimit: params.zoneConcurrency ?? 25 });
  const states: ZoneState[] = zones.map((def) => ({
    def,
    suffix: def.zone.toLowerCase().replace(/\.$/, ''),
    active: 0,
    applies: { ip4: zoneAppliesTo(def, 'ip4'), ip6: zoneAppliesTo(def, 'ip6'), domain: zoneAppliesTo(def, 'domain') },
    known: {},
    probing: {},
  }));
  const settledHealth: ZoneKeyHealth[] = [];
  const ctl = new AbortController();
  const signal = ctl.signal;
  const queryOpts = { signal };
  const lookupA: (name: string, done: LookupDone) => void = client.lookupA
    ? (name, done) => client.lookupA!(name, done, signal)
    : (name, done) => {
        client.resolveA(name, queryOpts).then((o) => done(null, o), done);
      };
  const counts = { listed: 0, notListed: 0, errors: 0, notApplicable: 0 };
  const total = params.expectedQueries ?? null;
  let queries = 0;
  let done = 0;
  let lastProgress = 0;
  let failure: unknown;
  let releaseCap: (() => void) | null = null;
  const onExternalAbort = () => stop(abortError(params.signal?.reason));
  if (params.signal?.aborted) throw abortError(params.signal.reason);
  params.signal?.addEventListener('abort', onExternalAbort, { once: true });
  if ((params.expectedQueries ?? 0) >= LONG_SWEEP_QUERIES) releaseCap = capYoungGeneration();

  function stop(err: unknown): void {
    if (failure !== undefined) return;
    failure = err;
    ctl.abort(err);
  }

  function progress(): void {
    if (releaseCap === null && done >= LONG_SWEEP_QUERIES) releaseCap = capYoungGeneration();
    if (!onProgress) return;
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    onProgress({ done, total });
  }

  /** Waits for a query slot on `s` (the slow path: probes, confirmations, TXT, and pairs of zones being probed). */
  function slotOn(s: ZoneState): Promise<void> {
    return new Promise<void>((go) => slots.take({ zone: s, go }));
  }

  /** One query of the slow path: budget, then a slot, then `send`; null when the budget refused it (nothing sent). */
  async function ask<T>(s: ZoneState, send: () => Promise<T>): Promise<T | null> {
    signal.throwIfAborted();
    if (budget && !budget.take(s.def.zone, 1)) return null;
    await slotOn(s);
    try {
      signal.throwIfAborted();
      queries++;
      return await send();
    } finally {
      slots.release(s);
      done++;
      progress();
    }
  }

  const askA = (s: ZoneState, name: string) =>
    ask(s, () => new Promise<DnsOutcome>((resolve, reject) => lookupA(name, (err, o) => (err === null ? resolve(o as DnsOutcome) : reject(err)))));
  const askTxt = (s: ZoneState, name: string) => ask(s, () => client.resolveTxt(name, queryOpts));

  function healthOf(s: ZoneState, keyType: KeyType): Promise<ZoneKeyHealth> {
    let h = s.probing[keyType];
    if (!h) {
      h = checkZoneHealth({ zone: s.def, keyType, lookup: (name) => askA(s, name) });
      h.then((r) => {
        settledHealth.push(r);
        s.known[keyType] = r;
      }, () => {});
      s.probing[keyType] = h;
    }
    return h;
  }

  /** The slow path's first ask: waits for the zone's health, then asks; `name` is null when nothing was asked. */
  async function check(t: SweepTarget, s: ZoneState, key: string | Error): Promise<{ result: SweepResult; name: string | null }> {
    const zone = s.def.zone;
    const h = s.known[t.keyType] ?? (await healthOf(s, t.keyType));
    if (h.budgetExhausted) return { result: resultOf(t, zone, BUDGET_EXHAUSTED), name: null };
    if (!h.healthy) return { result: resultOf(t, zone, { verdict: 'error', reason: 'zone_unhealthy', codes: [], meanings: [], detail: h.reason }), name: null };
    let name: string;
    try {
      if (typeof key !== 'string') throw key;
      name = joinQueryName({ key, target: t.value, zone: s.suffix });
    } catch (err) {
      return { result: resultOf(t, zone, { verdict: 'not_applicable', codes: [], meanings: [], detail: (err as Error).message }), name: null };
    }
    const outcome = await askA(s, name);
    return { result: resultOf(t, zone, outcome === null ? BUDGET_EXHAUSTED : classifyAnswer({ zone: s.def, outcome })), name };
  }

  const needsFollowUp = (r: SweepResult) => r.verdict === 'listed' || r.reason === 'query_blocked';

  /** A listing's confirmation re-query (when `needsConfirmation`), then the TXT of a listing or an error code. */
  async function followUp(t: SweepTarget, s: ZoneState, name: string, first: SweepResult): Promise<SweepResult> {
    let result = first;
    if (result.verdict === 'listed' && needsConfirmation(result)) {
      await sleep(confirmDelayMs, undefined, { signal });
      const again = await askA(s, name);
      result = resultOf(t, s.def.zone, again === null ? BUDGET_EXHAUSTED : classifyAnswer({ zone: s.def, outcome: again }));
      if (result.verdict === 'listed') result.confirmed = true;
    }
    if (needsFollowUp(result)) {
      const txt = await askTxt(s, name);
      if (txt && txt.texts.length > 0) result.txt = txt.texts.join('; ');
    }
    return result;
  }

  // The hot path, once a zone's health is known: one pair object, no promise; the answer is classified in the
  // lookup's callback and emitted at once unless it needs a follow-up.
  function sendFast(this: FastPair): void {
    if (failure !== undefined) {
      slots.release(this.zone);
      finishPair();
      return;
    }
    queries++;
    lookupA(this.name, (err, outcome) => onFastAnswer(this, err, outcome));
  }

  function onFastAnswer(p: FastPair, err: unknown, outcome: DnsOutcome | undefined): void {
    slots.release(p.zone);
    done++;
    progress();
    if (err !== null) {
      stop(err);
      finishPair();
      return;
    }
    settleFirst(p.t, p.zone, p.name, resultOf(p.t, p.zone.def.zone, classifyAnswer({ zone: p.zone.def, outcome: outcome as DnsOutcome })));
  }

  /**
   * Emits a pair's first result, or hands it to its follow-up: a listing waits for its confirmation (2 s by
   * default) outside `pending`, so the sweep goes on meanwhile.
   */
  function settleFirst(t: SweepTarget, s: ZoneState, name: string | null, result: SweepResult): void {
    if (name === null || !needsFollowUp(result)) {
      emitThen(result, finishPair);
      return;
    }
    underWay.toFollowUp();
    followUp(t, s, name, result).then(
      (r) => emitThen(r, finishFollowUp),
      (e) => {
        stop(e);
        finishFollowUp();
      },
    );
  }

  function emitThen(r: SweepResult, finish: () => void): void {
    const out = emit(r);
    if (out) out.then(finish, finish);
    else finish();
  }

  // onResult runs one call at a time: synchronously while it returns no promise, else chained behind the last one.
  const emitter = createSerialEmitter<SweepResult>({
    deliver(r) {
      if (failure !== undefined) return;
      if (r.verdict === 'listed') counts.listed++;
      else if (r.verdict === 'not_listed') counts.notListed++;
      else if (r.verdict === 'error') counts.errors++;
      else counts.notApplicable++;
      return onResult(r);
    },
    onError: stop,
  });
  const emit = emitter.emit;

  // Pairs started and not yet emitted: enough beyond the slots that a freed slot finds its next pair waiting.
  // Listings in their follow-up have their own, larger bound (memory stays bounded even if a zone lists all).
  const underWay = createSweepWindow({
    maxPending: Math.max(64, Math.ceil((params.concurrency ?? 100) * 1.5)),
    maxFollowing: Math.max(256, (params.concurrency ?? 100) * 10),
  });
  const finishPair = underWay.finish;
  const finishFollowUp = underWay.finishFollowUp;
  function run(t: SweepTarget, s: ZoneState, key: string | Error): void {
    check(t, s, key).then(
      ({ result, name }) => settleFirst(t, s, name, result),
      (err) => {
        stop(err);
        finishPair();
      },
    );
  }

  try {
    outer: for await (const t of params.targets) {
      // The zone-independent part of the query name, validated once per target (not once per zone).
      let key: string | Error | undefined;
      for (const s of states) {
        if (failure !== undefined) break outer;
        if (!s.applies[t.keyType]) {
          const out = emit({ target: t.value, zone: s.def.zone, verdict: 'not_applicable', codes: [], meanings: [], ...(t.key !== undefined ? { key: t.key } : {}) });
          if (out) await out;
          continue;
        }
        if (key === undefined) {
          try {
            key = queryKey({ target: t.value, keyType: t.keyType });
          } catch (err) {
            key = err as Error;
          }
        }
        if (!underWay.hasRoom()) await underWay.room();
        underWay.start();
        const h = s.known[t.keyType];
        const name = h && h.healthy && typeof key === 'string' ? fastName(key, t, s) : null;
        if (name === null) run(t, s, key);
        else if (budget && !budget.take(s.def.zone, 1)) emitThen(resultOf(t, s.def.zone, BUDGET_EXHAUSTED), finishPair);
        else slots.take({ t, zone: s, name, go: sendFast } as FastPair);
      }
    }
  } catch (err) {
    stop(err);
  }
  await underWay.idle();
  await emitter.drain();
  params.signal?.removeEventListener('abort', onExternalAbort);
  releaseCap?.();
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

/** Per-zone state of one sweep: its queries in flight and its health per key type (settled, or being probed). */
interface ZoneState extends ZoneSlots {
  def: ZoneDefinition;
  /** The zone lower-cased without a trailing dot, as query names end. */
  suffix: string;
  /** Whether the zone receives each key type (zoneAppliesTo, computed once). */
  applies: Record<KeyType, boolean>;
  known: Partial<Record<KeyType, ZoneKeyHealth>>;
  probing: Partial<Record<KeyType, Promise<ZoneKeyHealth>>>;
}

/** A pair on the hot path, waiting for its query slot (`go` sends the query). */
interface FastPair extends SlotWaiter {
  t: SweepTarget;
  zone: ZoneState;
  name: string;
}

/** The query name of a pair, or null when it is too long (the slow path then reports it `not_applicable`). */
function fastName(key: string, t: SweepTarget, s: ZoneState): string | null {
  try {
    return joinQueryName({ key, target: t.value, zone: s.suffix });
  } catch {
    return null;
  }
}

const BUDGET_EXHAUSTED: Classification = { verdict: 'error', reason: 'budget_exhausted', codes: [], meanings: [] };

/** A SweepResult with its keys in the order the CLI and the API print them (target, zone, key, verdict, …). */
function resultOf(t: SweepTarget, zone: string, c: Classification): SweepResult {
  const r = (t.key !== undefined ? { target: t.value, zone, key: t.key, verdict: c.verdict } : { target: t.value, zone, verdict: c.verdict }) as SweepResult;
  if (c.reason !== undefined) r.reason = c.reason;
  r.codes = c === BUDGET_EXHAUSTED ? [] : c.codes;
  r.meanings = c === BUDGET_EXHAUSTED ? [] : c.meanings;
  if (c.detail !== undefined) r.detail = c.detail;
  return r;
}

function abortError(reason: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The DNSBL sweep was aborted', 'AbortError');
}
