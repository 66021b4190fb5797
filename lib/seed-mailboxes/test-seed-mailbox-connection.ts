import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { testImapConnection } from '../imap/test-imap-connection.ts';
import type { ImapConnectionTest } from '../imap/test-imap-connection.ts';
import { findSeedMailboxOrThrow } from './get-seed-mailbox.ts';

/**
 * "Test connection" for a stored seed mailbox: log in, list the folders, name the spam folder and why (or the
 * classified error), and keep the result as the mailbox's `lastTest` with `lastTestAt = now()`.
 * @param test the connection test (default testImapConnection), injectable.
 * @returns `{ ok, folders, spam, all, error? }`; expected IMAP failures are in `error`, not thrown.
 * @throws AppError('not_found') for an unknown id.
 */
export async function testSeedMailboxConnection(params: {
  id: string;
  db?: PrismaClient;
  now?: () => Date;
  test?: typeof testImapConnection;
}): Promise<ImapConnectionTest> {
  const db = params.db ?? prisma;
  const mailbox = await findSeedMailboxOrThrow({ id: params.id, db });
  const result = await (params.test ?? testImapConnection)({ mailbox });
  await db.seedMailbox.update({
    where: { id: mailbox.id },
    data: { lastTest: JSON.stringify(result), lastTestAt: (params.now ?? (() => new Date()))() },
  });
  return result;
}
