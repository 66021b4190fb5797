import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { makeCertificate, startQuotaPeer } from '../../helpers/smtp-peers.ts';
import type { SmtpPeer, TestCertificate } from '../../helpers/smtp-peers.ts';
import { clock, seedRows } from '../../integration/placement/fakes.ts';

// A real scheduled placement send (nodemailer, STARTTLS) to an smtp-server relay on 127.0.0.1 that answers
// "550 5.4.5 Daily user sending quota exceeded" after DATA (QUOTA-01), on a real SQLite file.

let db: PrismaClient;
let cleanup: () => Promise<void>;
let cert: TestCertificate;
let peer: SmtpPeer;

beforeAll(async () => {
  ({ prisma: db, cleanup } = await setupTestDb());
  cert = makeCertificate();
  peer = await startQuotaPeer(cert);
});
afterAll(async () => {
  await peer.close();
  cert.cleanup();
  await cleanup();
});

test('a 550 5.4.5 from the relay marks the daily window exhausted and the next scheduled test is skipped with the reason', async () => {
  const { runScheduledPlacements } = await import('../../../lib/placement/run-scheduled-placements.ts');
  const { getQuotaStates } = await import('../../../lib/quotas/get-quota-states.ts');
  const server = await seedRows(db, { scheduleCron: '0 * * * *' });
  await db.smtpServer.update({ where: { id: server.id }, data: { host: peer.host, port: peer.port, security: 'starttls', trustSelfSigned: true } });
  await db.quota.create({ data: { serverId: server.id, window: 'day', limit: 500 } });
  const c = clock('2026-11-29T14:00:00.000Z');

  const first = await runScheduledPlacements({ minute: c.now(), now: c.now });
  expect(first).toEqual([{ serverId: server.id, slot: '2026-11-29T14:00:00.000Z', result: 'succeeded' }]);
  // The first seed reached DATA and was refused; the other two were not sent (the account's quota, not theirs).
  expect(peer.commands.filter((l) => /^DATA$/i.test(l))).toHaveLength(1);
  expect(peer.messages).toHaveLength(0);
  const results = await db.placementResult.findMany({ orderBy: { mailboxAddress: 'asc' } });
  expect(results.map((r) => [r.smtpOutcome, r.smtpCategory, r.smtpCode, r.smtpEnhancedCode])).toEqual([
    ['rejected', 'quota_exhausted', 550, '5.4.5'],
    ['rejected', 'quota_exhausted', 550, '5.4.5'],
    ['rejected', 'quota_exhausted', 550, '5.4.5'],
  ]);
  expect(await db.usageEvent.count()).toBe(0);

  const [day] = await getQuotaStates({ now: c.now() });
  expect(day).toMatchObject({ window: 'day', limit: 500, used: 0, exhausted: true, exhaustedReason: '550 5.4.5 Daily user sending quota exceeded' });
  expect(day.exhaustedUntil?.toISOString()).toMatch(/^2026-11-30T14:00:0\d/);
  const reason = (await db.smtpServer.findUniqueOrThrow({ where: { id: server.id } })).pausedReason;
  expect(reason).toMatch(/^quota: daily quota exhausted \(550 5\.4\.5 Daily user sending quota exceeded\), resets 2026-11-30 14:0\d UTC$/);

  c.advance(3600);
  const connections = peer.connections;
  const next = await runScheduledPlacements({ minute: c.now(), now: c.now });
  expect(next).toEqual([{ serverId: server.id, slot: '2026-11-29T15:00:00.000Z', result: 'succeeded' }]);
  const run = await db.jobRun.findFirstOrThrow({ where: { jobId: `placement.test:${server.id}`, slot: new Date('2026-11-29T15:00:00Z') } });
  expect(JSON.parse(run.summary ?? '{}')).toEqual({ skipped: reason });
  expect(peer.connections).toBe(connections);
  expect(await db.placementTest.count()).toBe(1);
});
