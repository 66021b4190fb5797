import { afterAll, beforeAll, expect, test } from 'vitest';
import { ImapFlow } from 'imapflow';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import { setupTestDb } from '../../helpers/db.ts';
import { startMailStack } from '../../helpers/mail-stack.ts';
import type { MailStack } from '../../helpers/mail-stack.ts';
import { TEST_CATALOG } from '../../integration/helpers/test-zones.ts';
import { CLEAN, fakeEngine, LISTED, NO_CLIENT } from '../../integration/helpers/fake-engine.ts';

// The listing alert through a real MTA into a real mailbox: the email channel made from ALERT_SMTP_URL (the mail
// stack's Postfix MX, which scans with rspamd and delivers over LMTP to Dovecot) and ALERT_EMAIL_TO (a Dovecot
// user), read back over IMAP with imapflow from whichever folder Sieve filed it in.

const RCPT = 'seed-junk@example.test';
let stack: MailStack;
let db: PrismaClient;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  stack = await startMailStack();
  process.env.ALERT_SMTP_URL = `smtp://127.0.0.1:${stack.mxPort}`;
  process.env.ALERT_SMTP_TLS_REJECT_UNAUTHORIZED = 'false';
  process.env.ALERT_EMAIL_TO = RCPT;
  process.env.ALERT_EMAIL_FROM = 'Inboxwatch <alerts@inboxwatch.test>';
  ({ prisma: db, cleanup } = await setupTestDb());
}, 240_000);
afterAll(async () => {
  await cleanup?.();
  await stack?.stop();
});

/** Every message of every folder of the user whose subject contains `subject`, with its folder and source. */
async function findInMailbox(subject: string): Promise<{ folder: string; source: string }[]> {
  const seed = stack.seeds.find((s) => s.address === RCPT) as { password: string };
  const client = new ImapFlow({ host: '127.0.0.1', port: stack.dovecot.imapPort, secure: false, auth: { user: RCPT, pass: seed.password }, tls: { rejectUnauthorized: false }, logger: false });
  await client.connect();
  const found: { folder: string; source: string }[] = [];
  try {
    for (const box of await client.list()) {
      const lock = await client.getMailboxLock(box.path);
      try {
        const uids = (await client.search({ subject }, { uid: true })) || [];
        for (const uid of uids) {
          const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (msg && msg.source) found.push({ folder: box.path, source: msg.source.toString('utf8') });
        }
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout();
  }
  return found;
}

test('a new listing alert arrives once in the recipient mailbox with target, zone, code meaning, TXT reason and delist link', async () => {
  const { syncCatalog } = await import('../../../lib/zones/sync-catalog.ts');
  const { createAsset } = await import('../../../lib/assets/create-asset.ts');
  const { runDnsblSweep } = await import('../../../lib/sweeps/run-dnsbl-sweep.ts');
  await syncCatalog({ catalog: TEST_CATALOG });
  await createAsset({ value: '192.0.2.44', label: 'mx44' });
  const answer = (t: string, z: string) => (z === 'bl.test' ? LISTED('127.0.0.2', 'Direct spam source', 'Listed for spam, see https://bl.test/q?ip=192.0.2.44') : CLEAN);
  const summary = await runDnsblSweep({ jobRunId: 'mail-run-1', sweep: { runSweep: fakeEngine({ answer }).runSweep, client: NO_CLIENT } });
  expect(summary.alerts).toMatchObject({ opened: 1, queued: 1, sent: 1 });
  const subject = '192.0.2.44 (mx44) listed on bl.test';
  let found: { folder: string; source: string }[] = [];
  for (let i = 0; i < 60 && found.length === 0; i++) {
    found = await findInMailbox(subject);
    if (found.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  expect(found).toHaveLength(1);
  const text = found[0].source.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  expect(text).toContain('Subject: [Inboxwatch] 192.0.2.44 (mx44) listed on bl.test (Test BL)');
  expect(text).toContain('192.0.2.44 is LISTED on bl.test (Test BL, Test Operator)');
  expect(text).toContain('Return code 127.0.0.2: Direct spam source');
  expect(text).toContain('Reason (TXT): Listed for spam, see https://bl.test/q?ip=192.0.2.44');
  expect(text).toContain('Delist: https://bl.test/delist');
  // Delivered by the MX: the envelope sender and a Received trace header are on the stored message.
  expect(text).toContain('Return-Path: <alerts@inboxwatch.test>');
  expect(text).toMatch(/^Received: from /m);
  expect(await db.notification.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 1 });
  await runDnsblSweep({ jobRunId: 'mail-run-2', sweep: { runSweep: fakeEngine({ answer }).runSweep, client: NO_CLIENT } });
  await new Promise((r) => setTimeout(r, 1000));
  expect(await findInMailbox(subject)).toHaveLength(1);
}, 120_000);
