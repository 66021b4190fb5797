import pLimit from 'p-limit';
import type { PlacementResult, PrismaClient, SeedMailbox } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { logger } from '../logger.ts';
import { defaultCollectDeps } from './placement-deps.ts';
import type { CollectDeps } from './placement-deps.ts';
import { foundMessageUpdate } from './found-message-update.ts';
import { refreshTestStatus } from './refresh-test-status.ts';
import type { PlacementStatus } from './refresh-test-status.ts';

/** What one collection pass did. */
export interface CollectSummary {
  found: number;
  missing: number;
  errors: number;
  stillPending: number;
  status: PlacementStatus;
}

type Outcome = 'found' | 'missing' | 'error' | 'pending';

/**
 * Poll the seed mailboxes of one test for its accepted, not yet found messages (design §6, cases IMAP-05, IMAP-06):
 * per mailbox (at most `concurrency` at once, default 4): openMailbox → discoverFolders (with the mailbox's spam
 * folder override) → findSeedMessage per seed, then logout.
 * - found: placement, folder, tab, arrival and latency, receiver verdicts and egress IP (foundMessageUpdate).
 * - not found: still `pending` before the test's `deadlineAt`; `missing` at or after it (IMAP-05: empty
 *   results mean "not found yet").
 * - mailbox error (classifyImapError): `auth_failed` makes the seed `error` at once (it will not heal by
 *   waiting); `unreachable`, `tls` and `protocol` keep the seed `pending` with the error text until the deadline,
 *   then `error`. A mailbox error is never `missing`.
 * - a seed whose mailbox was deleted: `error`.
 * Then the test's status is recomputed (refreshTestStatus).
 * @returns counts of this pass and the test's status. Throws only on database failures.
 */
export async function collectPlacementResults(params: {
  testId: string;
  db?: PrismaClient;
  deps?: CollectDeps;
  now?: () => Date;
  concurrency?: number;
}): Promise<CollectSummary> {
  const db = params.db ?? prisma;
  const deps = params.deps ?? defaultCollectDeps;
  const now = params.now ?? (() => new Date());
  const test = await db.placementTest.findUniqueOrThrow({ where: { id: params.testId } });
  const results = await db.placementResult.findMany({
    where: { testId: test.id, placement: 'pending', smtpOutcome: 'accepted' },
    include: { mailbox: true },
  });
  const deadline = test.deadlineAt ?? test.createdAt;
  const byMailbox = new Map<string, { mailbox: SeedMailbox | null; results: PlacementResult[] }>();
  for (const { mailbox, ...result } of results) {
    const key = mailbox?.id ?? `removed:${result.id}`;
    const entry = byMailbox.get(key) ?? { mailbox, results: [] };
    entry.results.push(result);
    byMailbox.set(key, entry);
  }
  const limit = pLimit(params.concurrency ?? 4);
  const outcomes = await Promise.all(
    [...byMailbox.values()].map((entry) =>
      limit(() => pollMailbox({ db, deps, now, token: test.token, deadline, mailbox: entry.mailbox, results: entry.results })),
    ),
  );
  const flat = outcomes.flat();
  const { status } = await refreshTestStatus({ testId: test.id, db, now });
  const summary = {
    found: flat.filter((o) => o === 'found').length,
    missing: flat.filter((o) => o === 'missing').length,
    errors: flat.filter((o) => o === 'error').length,
    stillPending: flat.filter((o) => o === 'pending').length,
    status,
  };
  logger.info({ testId: test.id, ...summary }, 'placement collection pass');
  return summary;
}

async function pollMailbox(p: {
  db: PrismaClient;
  deps: CollectDeps;
  now: () => Date;
  token: string;
  deadline: Date;
  mailbox: SeedMailbox | null;
  results: PlacementResult[];
}): Promise<Outcome[]> {
  const { db, deps, mailbox, results } = p;
  const setAll = async (data: { placement: string; error: string | null }) => {
    await db.placementResult.updateMany({ where: { id: { in: results.map((r) => r.id) } }, data });
  };
  if (!mailbox) {
    await setAll({ placement: 'error', error: 'the seed mailbox was removed before its message was found' });
    return results.map(() => 'error');
  }
  let client: Awaited<ReturnType<CollectDeps['openMailbox']>> | null = null;
  try {
    client = await deps.openMailbox({ mailbox });
    const folders = await deps.discoverFolders({ client, override: mailbox.spamFolder });
    const outcomes: Outcome[] = [];
    for (const result of results) {
      const search = await deps.findSeedMessage({ client, token: p.token, messageId: result.messageId, provider: mailbox.provider, folders });
      const polledAt = p.now();
      if (search.found) {
        const update = foundMessageUpdate({
          found: search,
          provider: mailbox.provider,
          verdicts: deps.receiverVerdicts({ headers: search.headers }),
          egressIp: deps.egressIp({ headers: search.headers }),
          sentAt: result.sentAt,
          polledAt,
        });
        await db.placementResult.update({ where: { id: result.id }, data: update });
        outcomes.push('found');
      } else if (polledAt.getTime() >= p.deadline.getTime()) {
        await db.placementResult.update({ where: { id: result.id }, data: { placement: 'missing', error: null } });
        outcomes.push('missing');
      } else {
        if (result.error) await db.placementResult.update({ where: { id: result.id }, data: { error: null } });
        outcomes.push('pending');
      }
    }
    return outcomes;
  } catch (err) {
    const { kind, message } = deps.classifyImapError(err);
    const text = `seed mailbox ${mailbox.address}: ${message}`;
    const final = kind === 'auth_failed' || p.now().getTime() >= p.deadline.getTime();
    await setAll({ placement: final ? 'error' : 'pending', error: text });
    logger.warn({ mailbox: mailbox.address, kind }, 'placement collection: mailbox error');
    return results.map(() => (final ? 'error' : 'pending'));
  } finally {
    if (client) await client.logout().catch(() => undefined);
  }
}
