import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { startMailStack } from '../../helpers/mail-stack.ts';
import type { MailStack, SenderAccount } from '../../helpers/mail-stack.ts';

// A placement test through the real chain: Postfix submission (STARTTLS + AUTH, DKIM by rspamd) → Postfix MX
// (rspamd stamps Authentication-Results and X-Spam-Status) → Dovecot LMTP (Sieve files spam) ← imapflow.
// Two servers registered as a user would: one sending as sender.test, one as listed.test, a domain on the MX's
// domain blocklist (as Spamhaus DBL lists sending domains). Same message body, same path; only the sender differs.

let stack: MailStack;
let db: PrismaClient;
let cleanup: () => Promise<void>;
let lib: typeof import('../../../lib/placement/start-placement-test.ts') &
  typeof import('../../../lib/placement/collect-placement-results.ts') &
  typeof import('../../../lib/placement/get-placement-test.ts') &
  typeof import('../../../lib/crypto.ts');

const LAYOUT_SPAM_FOLDER: Record<string, string> = {
  'seed-junk@example.test': 'Junk',
  'seed-bulk@example.test': 'Bulk Mail',
  'seed-fr@example.test': 'Courrier indésirable',
};

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString('base64');
  process.env.PLACEMENT_COLLECT_DEADLINE_SECONDS = '60';
  stack = await startMailStack();
  ({ prisma: db, cleanup } = await setupTestDb());
  lib = {
    ...(await import('../../../lib/placement/start-placement-test.ts')),
    ...(await import('../../../lib/placement/collect-placement-results.ts')),
    ...(await import('../../../lib/placement/get-placement-test.ts')),
    ...(await import('../../../lib/crypto.ts')),
  };
  for (const seed of stack.seeds) {
    await db.seedMailbox.create({
      data: {
        provider: 'other', address: seed.address, imapHost: '127.0.0.1', imapPort: stack.dovecot.imapPort, imapSecurity: 'starttls',
        imapUser: seed.address, secret: lib.encryptSecret(seed.password), trustSelfSigned: true,
      },
    });
  }
});
afterAll(async () => {
  await cleanup?.();
  await stack?.stop();
});

async function server(account: SenderAccount, name: string) {
  return db.smtpServer.create({
    data: {
      name, host: '127.0.0.1', port: stack.submission.port, security: 'starttls', authUser: account.authUser,
      authSecret: lib.encryptSecret(account.password), fromAddress: account.fromAddress, heloName: 'client.sender.test', trustSelfSigned: true,
    },
  });
}

/** Start a test, wait for its sends, then poll (every 200 ms, bounded) until complete; prints send → verdict. */
async function runTest(serverId: string) {
  const started = Date.now();
  const { id, sending } = await lib.startPlacementTest({ serverId });
  const sent = await sending;
  const deadline = Date.now() + 30_000;
  let status = sent?.status;
  while (status !== 'complete' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    status = (await lib.collectPlacementResults({ testId: id })).status;
  }
  const view = await lib.getPlacementTest({ id });
  console.log(`placement test ${view.serverName}: send → verdict ${Date.now() - started} ms; latency per seed`, view.results.map((r) => r.latencyMs));
  if (status !== 'complete') throw new Error(`test not complete: ${JSON.stringify(view.results)}\n${stack.logs()}`);
  return view;
}

test('clean sender: every layout gets it in INBOX, SPF/DKIM/DMARC pass for sender.test, egress IP 127.0.0.1', async () => {
  const s = await server(stack.clean, 'Clean relay');
  const view = await runTest(s.id);
  expect(view.status).toBe('complete');
  expect(view.counts).toEqual({ inbox: 3, tab: 0, spam: 0, other_folder: 0, missing: 0, error: 0, pending: 0 });
  for (const r of view.results) {
    expect(r.smtp).toMatchObject({ outcome: 'accepted', code: 250, attempts: 1 });
    expect(r).toMatchObject({ placement: 'inbox', folder: 'INBOX', egressIp: '127.0.0.1', egressMonitored: false, error: null });
    expect(r.auth).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(r.authDetails?.authservId).toBe('mx.example.test');
    expect(r.authDetails?.spf).toMatchObject({ result: 'pass', domain: 'sender.test' });
    expect(r.authDetails?.dkim[0]).toMatchObject({ result: 'pass', domain: 'sender.test', selector: 'dkim' });
    expect(r.authDetails?.dmarc).toMatchObject({ result: 'pass', domain: 'sender.test' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  }
});

test('sender domain on the receiver\'s blocklist: spam in each layout\'s spam folder, authentication still passes', async () => {
  const s = await server(stack.listed, 'Listed relay');
  const view = await runTest(s.id);
  expect(view.counts).toEqual({ inbox: 0, tab: 0, spam: 3, other_folder: 0, missing: 0, error: 0, pending: 0 });
  for (const r of view.results) {
    expect(r).toMatchObject({ placement: 'spam', folder: LAYOUT_SPAM_FOLDER[r.mailbox], egressIp: '127.0.0.1' });
    expect(r.auth).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(r.authDetails?.dkim[0]).toMatchObject({ domain: 'listed.test' });
  }
  expect(await db.usageEvent.count({ where: { serverId: s.id, source: 'seed' } })).toBe(3);
});

test('a wrong seed mailbox password is an error on that seed, not missing', async () => {
  await db.seedMailbox.update({ where: { address: 'seed-fr@example.test' }, data: { secret: lib.encryptSecret('wrong') } });
  const s = await server(stack.clean, 'Clean relay again');
  const view = await runTest(s.id);
  const fr = view.results.find((r) => r.mailbox === 'seed-fr@example.test')!;
  expect(fr.placement).toBe('error');
  expect(fr.error).toMatch(/^seed mailbox seed-fr@example.test: the server refused the login/);
  expect(view.counts).toMatchObject({ inbox: 2, error: 1, missing: 0 });
});
