import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { clearTables, setupTestDb } from '../../helpers/db.ts';
import { ACCEPTED, GREYLISTED, POLICY_BLOCK, REFUSED, clock, fakeImap, fakeSmtp, found, seedRows } from './fakes.ts';

// The placement lifecycle on a real SQLite file, with scripted fakes at the SMTP and IMAP boundaries.

let db: PrismaClient;
let cleanup: () => Promise<void>;
let lib: typeof import('../../../lib/placement/create-placement-test.ts') &
  typeof import('../../../lib/placement/send-placement-test.ts') &
  typeof import('../../../lib/placement/collect-placement-results.ts') &
  typeof import('../../../lib/placement/advance-placement-tests.ts') &
  typeof import('../../../lib/placement/get-placement-test.ts') &
  typeof import('../../../lib/placement/list-placement-tests.ts') &
  typeof import('../../../lib/placement/placement-stats.ts');

const GMAIL = 'seed-gmail@example.test';
const OUTLOOK = 'seed-outlook@example.test';
const YAHOO = 'seed-yahoo@example.test';
const START = '2026-11-29T15:00:00.000Z';

beforeAll(async () => {
  process.env.PLACEMENT_COLLECT_DEADLINE_SECONDS = '1800';
  process.env.PLACEMENT_RETRY_INTERVAL_SECONDS = '900';
  process.env.PLACEMENT_GIVE_UP_SECONDS = '14400';
  process.env.PLACEMENT_POLL_INTERVAL_SECONDS = '30';
  ({ prisma: db, cleanup } = await setupTestDb());
  lib = {
    ...(await import('../../../lib/placement/create-placement-test.ts')),
    ...(await import('../../../lib/placement/send-placement-test.ts')),
    ...(await import('../../../lib/placement/collect-placement-results.ts')),
    ...(await import('../../../lib/placement/advance-placement-tests.ts')),
    ...(await import('../../../lib/placement/get-placement-test.ts')),
    ...(await import('../../../lib/placement/list-placement-tests.ts')),
    ...(await import('../../../lib/placement/placement-stats.ts')),
  };
});
afterAll(() => cleanup());
beforeEach(() => clearTables(db));

const byMailbox = async (testId: string) => {
  const view = await lib.getPlacementTest({ id: testId });
  return { view, seed: (address: string) => view.results.find((r) => r.mailbox === address)! };
};

test('a test goes sending → collecting → complete: one transport, usage per accepted send, inbox/spam found, the rest missing after the deadline', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const smtp = fakeSmtp(() => ACCEPTED);
  const created = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  expect(created.seeds).toBe(3);
  let { view, seed } = await byMailbox(created.id);
  expect(view.status).toBe('sending');
  expect(view.deadlineAt?.toISOString()).toBe('2026-11-29T15:30:00.000Z');
  expect(view.counts.pending).toBe(3);
  expect(new Set(view.results.map((r) => r.messageId)).size).toBe(3);
  expect(seed(GMAIL).messageId).toBe(`<${created.token}.seed-gmail@sender.test>`);

  c.advance(1);
  const sent = await lib.sendPlacementTest({ testId: created.id, deps: smtp.deps, now: c.now });
  expect(sent).toMatchObject({ attempted: 3, accepted: 3, status: 'collecting' });
  expect(smtp.transports).toEqual({ opened: 1, closed: 1 });
  expect(smtp.sends.map((s) => s.from)).toEqual(['news@sender.test', 'news@sender.test', 'news@sender.test']);
  expect(await db.usageEvent.findMany({ select: { source: true, count: true, serverId: true } })).toEqual([
    { source: 'seed', count: 1, serverId: server.id },
    { source: 'seed', count: 1, serverId: server.id },
    { source: 'seed', count: 1, serverId: server.id },
  ]);
  ({ view, seed } = await byMailbox(created.id));
  expect(seed(GMAIL).smtp).toMatchObject({ outcome: 'accepted', category: 'accepted_by_relay', code: 250, enhancedCode: '2.0.0', attempts: 1 });
  expect(seed(GMAIL).placement).toBe('pending');

  // 4 s after acceptance: Gmail has it in the inbox (INTERNALDATE 15:00:04), Outlook in Junk, Yahoo nothing yet.
  c.advance(5);
  const imap = fakeImap({
    [GMAIL]: () => found('INBOX', 'inbox', new Date('2026-11-29T15:00:04.000Z')),
    [OUTLOOK]: () => found('Junk', 'spam', new Date('2026-11-29T15:00:05.000Z')),
    [YAHOO]: () => ({ found: false }),
  });
  const pass1 = await lib.collectPlacementResults({ testId: created.id, deps: imap.deps, now: c.now });
  expect(pass1).toMatchObject({ found: 2, missing: 0, stillPending: 1, status: 'collecting' });
  expect(imap.loggedOut()).toBe(3);
  ({ view, seed } = await byMailbox(created.id));
  // A Gmail INBOX copy whose tab the server could not tell (no X-GM-EXT-1): "inbox (tab unknown)", design §6.
  expect(seed(GMAIL)).toMatchObject({ placement: 'inbox', folder: 'INBOX', tab: 'unknown', latencyMs: 3000, egressIp: '127.0.0.1', egressMonitored: false });
  expect(seed(GMAIL).auth).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
  expect(seed(GMAIL).authDetails?.dkim[0]).toMatchObject({ domain: 'sender.test', selector: 'dkim' });
  expect(seed(OUTLOOK)).toMatchObject({ placement: 'spam', folder: 'Junk', tab: null, latencyMs: 4000 });
  expect(seed(YAHOO)).toMatchObject({ placement: 'pending', error: null });

  // Still not found at the deadline (30 min after the acceptance): missing, and the test is complete.
  c.advance(1800);
  const pass2 = await lib.collectPlacementResults({ testId: created.id, deps: imap.deps, now: c.now });
  expect(pass2).toMatchObject({ found: 0, missing: 1, status: 'complete' });
  ({ view, seed } = await byMailbox(created.id));
  expect(view.counts).toEqual({ inbox: 1, tab: 0, spam: 1, other_folder: 0, missing: 1, error: 0, pending: 0 });
  expect(view.completedAt?.toISOString()).toBe('2026-11-29T15:30:06.000Z');
  const row = await db.placementTest.findUniqueOrThrow({ where: { id: created.id } });
  expect(JSON.parse(row.summary!)).toMatchObject({ inbox: 1, spam: 1, missing: 1 });

  const list = await lib.listPlacementTests({ serverId: server.id, limit: 50, offset: 0 });
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ serverName: 'Newsletter relay', status: 'complete', counts: { inbox: 1, spam: 1, missing: 1 } });
});

test('refusals: unknown server 404, paused or disabled server and no enabled seed mailbox 409 with the reason', async () => {
  await expect(lib.createPlacementTest({ serverId: 'nope', trigger: 'manual' })).rejects.toMatchObject({ code: 'not_found', status: 404 });
  const paused = await seedRows(db, { pausedReason: 'daily quota reached (550 5.4.5)' });
  await expect(lib.createPlacementTest({ serverId: paused.id, trigger: 'manual', deps: fakeSmtp(() => ACCEPTED).deps })).rejects.toMatchObject({
    code: 'conflict',
    message: 'the SMTP server "Newsletter relay" is paused: daily quota reached (550 5.4.5)',
  });
  await db.smtpServer.update({ where: { id: paused.id }, data: { pausedReason: null, enabled: false } });
  await expect(lib.createPlacementTest({ serverId: paused.id, trigger: 'manual' })).rejects.toThrow(/is disabled/);
  await db.smtpServer.update({ where: { id: paused.id }, data: { enabled: true } });
  await db.seedMailbox.updateMany({ data: { enabled: false } });
  await expect(lib.createPlacementTest({ serverId: paused.id, trigger: 'manual' })).rejects.toThrow(/no seed mailbox is enabled/);
  expect(await db.placementTest.count()).toBe(0);
});

test('greylisting (451 4.7.1): pending with a retry 15 minutes later, retried by the worker, then accepted', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const smtp = fakeSmtp((to, attempt) => (to === GMAIL && attempt === 1 ? GREYLISTED : ACCEPTED));
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  const first = await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
  expect(first).toMatchObject({ accepted: 2, retrying: 1, status: 'sending' });
  let gmail = (await byMailbox(id)).seed(GMAIL);
  expect(gmail.placement).toBe('pending');
  expect(gmail.smtp).toMatchObject({ outcome: 'deferred', category: 'greylisted', code: 451, enhancedCode: '4.7.1', attempts: 1 });
  expect(gmail.smtp.nextAttemptAt?.toISOString()).toBe('2026-11-29T15:15:00.000Z');

  const imap = fakeImap({ [GMAIL]: () => ({ found: false }), [OUTLOOK]: () => ({ found: false }), [YAHOO]: () => ({ found: false }) });
  c.advance(600);
  await lib.advancePlacementTests({ sendDeps: smtp.deps, collectDeps: imap.deps, now: c.now });
  expect(smtp.sends.filter((s) => s.to === GMAIL)).toHaveLength(1);
  c.advance(301);
  const tick = await lib.advancePlacementTests({ sendDeps: smtp.deps, collectDeps: imap.deps, now: c.now });
  expect(tick.sent).toBe(1);
  gmail = (await byMailbox(id)).seed(GMAIL);
  expect(gmail.smtp).toMatchObject({ outcome: 'accepted', attempts: 2, nextAttemptAt: null });
  expect(gmail.smtp.sentAt?.toISOString()).toBe('2026-11-29T15:15:01.000Z');
  expect((await byMailbox(id)).view.status).toBe('collecting');
  expect(await db.usageEvent.count()).toBe(3);
  // The collection window restarts at the late acceptance.
  expect((await byMailbox(id)).view.deadlineAt?.toISOString()).toBe('2026-11-29T15:45:01.000Z');
  expect(smtp.transports.opened).toBe(smtp.transports.closed);
});

test('a send deferred for the whole window is given up: error "deferred for 4 hours: <last reply>", never missing', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const smtp = fakeSmtp((to) => (to === YAHOO ? GREYLISTED : POLICY_BLOCK));
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
  const imap = fakeImap({});
  for (let i = 0; i < 16; i++) {
    c.advance(900);
    await lib.advancePlacementTests({ sendDeps: smtp.deps, collectDeps: imap.deps, now: c.now });
  }
  const { view, seed } = await byMailbox(id);
  expect(seed(YAHOO).smtp.attempts).toBe(17);
  expect(seed(YAHOO)).toMatchObject({ placement: 'error', error: 'deferred for 4 hours: 451 4.7.1 Greylisted, please try again later' });
  expect(seed(GMAIL)).toMatchObject({ placement: 'error', error: 'rejected by policy (550 5.7.1): Message rejected as spam' });
  expect(view.status).toBe('complete');
  expect(view.counts).toMatchObject({ error: 3, missing: 0, spam: 0 });
  expect(await db.usageEvent.count()).toBe(0);
  expect(imap.opened).toEqual([]);
});

test('an unreachable SMTP server is an error on every seed of the test (one attempt), not spam or missing', async () => {
  const server = await seedRows(db);
  const smtp = fakeSmtp(() => REFUSED);
  const c = clock(START);
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  const sent = await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
  expect(smtp.sends).toHaveLength(1);
  expect(sent).toMatchObject({ attempted: 3, accepted: 0 });
  const { view } = await byMailbox(id);
  for (const r of view.results) {
    expect(r.smtp).toMatchObject({ outcome: 'error', stage: 'connect', category: 'connection_refused', attempts: 1 });
    expect(r).toMatchObject({ placement: 'error', error: 'connection refused: nothing listens on 127.0.0.1 port 2' });
  }
  expect(view.counts).toMatchObject({ error: 3, spam: 0, missing: 0, pending: 0 });
  expect(view.status).toBe('complete');
  expect(await db.usageEvent.count()).toBe(0);
});

test('IMAP auth failure is an error on that seed at once; an unreachable mailbox stays pending with the error, then error at the deadline', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const smtp = fakeSmtp(() => ACCEPTED);
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
  const imap = fakeImap({
    [GMAIL]: Object.assign(new Error('Command failed'), { authenticationFailed: true }),
    [OUTLOOK]: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1143'), { code: 'ECONNREFUSED' }),
    [YAHOO]: () => found('INBOX', 'inbox', new Date(START)),
  });
  c.advance(10);
  await lib.collectPlacementResults({ testId: id, deps: imap.deps, now: c.now });
  let { view, seed } = await byMailbox(id);
  expect(seed(GMAIL)).toMatchObject({
    placement: 'error',
    error: 'seed mailbox seed-gmail@example.test: the server refused the login: Authentication failed.',
  });
  expect(seed(OUTLOOK)).toMatchObject({ placement: 'pending', error: 'seed mailbox seed-outlook@example.test: connection refused: nothing listens on that host and port' });
  expect(seed(YAHOO)).toMatchObject({ placement: 'inbox', latencyMs: 0 });
  expect(view.status).toBe('collecting');
  c.advance(1800);
  await lib.collectPlacementResults({ testId: id, deps: imap.deps, now: c.now });
  ({ view, seed } = await byMailbox(id));
  expect(seed(OUTLOOK).placement).toBe('error');
  expect(view.counts).toMatchObject({ error: 2, inbox: 1, missing: 0 });
  expect(view.status).toBe('complete');
});

test('egress IP linked to monitored assets: a single IP asset or an enabled range containing it', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  const smtp = fakeSmtp(() => ACCEPTED);
  const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'manual', deps: smtp.deps, now: c.now });
  await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
  const inbox = () => found('INBOX', 'inbox', new Date(START));
  await lib.collectPlacementResults({ testId: id, deps: fakeImap({ [GMAIL]: inbox, [OUTLOOK]: inbox, [YAHOO]: inbox }).deps, now: c.now });
  expect((await byMailbox(id)).seed(GMAIL).egressMonitored).toBe(false);
  await db.asset.create({ data: { kind: 'range', value: '127.0.0.0/24' } });
  expect((await byMailbox(id)).seed(GMAIL).egressMonitored).toBe(true);
  await db.asset.updateMany({ data: { enabled: false } });
  await db.asset.create({ data: { kind: 'ip', value: '127.0.0.1' } });
  expect((await byMailbox(id)).seed(GMAIL).egressMonitored).toBe(true);
  await db.asset.deleteMany({ where: { kind: 'ip' } });
  expect((await byMailbox(id)).seed(GMAIL).egressMonitored).toBe(false);
});

test('placement stats: inbox rate per provider per day in percent, pending and refused seeds not counted', async () => {
  const server = await seedRows(db);
  const c = clock(START);
  for (const gmailFolder of ['INBOX', 'Junk'] as const) {
    const smtp = fakeSmtp((to) => (to === YAHOO ? POLICY_BLOCK : ACCEPTED));
    const { id } = await lib.createPlacementTest({ serverId: server.id, trigger: 'schedule', deps: smtp.deps, now: c.now });
    await lib.sendPlacementTest({ testId: id, deps: smtp.deps, now: c.now });
    await lib.collectPlacementResults({
      testId: id,
      now: c.now,
      deps: fakeImap({
        [GMAIL]: () => found(gmailFolder, gmailFolder === 'INBOX' ? 'inbox' : 'spam', c.now()),
        [OUTLOOK]: () => found('INBOX', 'tab', c.now()),
        [YAHOO]: () => ({ found: false }),
      }).deps,
    });
    c.advance(3600);
  }
  const stats = await lib.placementStats({ serverId: server.id, days: 30, now: c.now });
  expect(stats).toEqual([
    { day: '2026-11-29', provider: 'gmail', sent: 2, inbox: 1, tab: 0, spam: 1, other_folder: 0, missing: 0, inboxRate: 50 },
    { day: '2026-11-29', provider: 'outlook', sent: 2, inbox: 0, tab: 2, spam: 0, other_folder: 0, missing: 0, inboxRate: 100 },
  ]);
  expect(await lib.placementStats({ serverId: 'other', days: 30, now: c.now })).toEqual([]);
});
