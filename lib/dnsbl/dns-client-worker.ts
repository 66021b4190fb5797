/**
 * Worker-thread side of createThreadedDnsClient: owns a UDP DNS client (createDnsClient) and answers batches of
 * queries posted by the main thread. Protocol (structured-clone messages on parentPort):
 * - in `{ q: [id, type, name, …] }`: a flat batch, `type` 0 = A, 1 = TXT; `{ close: true }`: close and exit.
 * - out `{ ready: true }` once, when the client is created; then `{ r: [id, code, …], x: [i, data, …], s: [sent,
 *   retries, timeouts, tcpFallbacks] }`: outcomes batched per event-loop turn; `code` per OUTCOME_CODES; `x` holds
 *   the data of the entries that have some, by their index `i` in `r`: the A addresses, the rcode (`other`) or,
 *   for TXT, `{ texts, tcp }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDnsClient } from './dns-client.ts';
import type { DnsOutcome } from './types.ts';

/** Outcome kinds by their wire code (index). */
export const OUTCOME_CODES: DnsOutcome['kind'][] = ['answer', 'nxdomain', 'nodata', 'servfail', 'refused', 'timeout', 'other'];

const port = parentPort;
if (port) {
  const client = createDnsClient(workerData as { servers: string[]; timeoutMs?: number; tries?: number; sockets?: number });
  const codeOf = new Map(OUTCOME_CODES.map((k, i) => [k, i]));
  let out: number[] = [];
  let extra: unknown[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const r = out;
    const x = extra;
    out = [];
    extra = [];
    const s = client.stats;
    port.postMessage({ r, x, s: [s.sent, s.retries, s.timeouts, s.tcpFallbacks] });
  };
  const push = (id: number, outcome: DnsOutcome, txt: unknown) => {
    const data = txt ?? (outcome.kind === 'answer' ? outcome.addresses : outcome.kind === 'other' ? outcome.rcode : null);
    if (data !== null) extra.push(out.length, data);
    out.push(id, codeOf.get(outcome.kind) as number);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  // Queries never reject here (no signal; the client is closed only on `close`, after the main thread failed them).
  const ignore = () => {};
  port.postMessage({ ready: true });
  port.on('message', (msg: { q?: (number | string)[]; close?: boolean }) => {
    if (msg.close) {
      void client.close().then(() => port.close());
      return;
    }
    const q = msg.q ?? [];
    for (let i = 0; i < q.length; i += 3) {
      const id = q[i] as number;
      const name = q[i + 2] as string;
      if (q[i + 1] === 0) client.lookupA!(name, (err, o) => err === null && push(id, o as DnsOutcome, null));
      else client.resolveTxt(name).then((t) => push(id, t.outcome, t.tcp ? { texts: t.texts, tcp: true } : { texts: t.texts }), ignore);
    }
  });
}
