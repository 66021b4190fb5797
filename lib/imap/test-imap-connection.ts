import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import { classifyImapError } from './classify-imap-error.ts';
import type { ImapErrorClass } from './classify-imap-error.ts';
import { discoverFolders } from './discover-folders.ts';
import type { FolderInfo } from './discover-folders.ts';
import { openMailbox } from './open-mailbox.ts';
import type { IMAP_TIMEOUTS, SeedMailboxRecord } from './open-mailbox.ts';

/** What "Test connection" reports for a seed mailbox (`POST /api/seed-mailboxes/:id/test-connection`). */
export interface ImapConnectionTest {
  ok: boolean;
  folders?: FolderInfo[];
  /** The spam folder and why (server flag or name); null when none was found. */
  spam?: { path: string; why: string } | null;
  /** Gmail's All Mail when present. */
  all?: string | null;
  error?: ImapErrorClass;
}

/**
 * Connect, log in, list the folders and say which one is the spam folder and why (RFC 6154 flag, name or the
 * mailbox's override), then log out. Expected failures (unreachable, TLS, refused login, protocol) come back as
 * `{ ok: false, error }`, never thrown.
 */
export async function testImapConnection(params: {
  mailbox: SeedMailboxRecord;
  decrypt?: (blob: string) => string;
  timeouts?: typeof IMAP_TIMEOUTS;
  createClient?: (options: ImapFlowOptions) => ImapFlow;
}): Promise<ImapConnectionTest> {
  let client: ImapFlow | null = null;
  try {
    client = await openMailbox(params);
    const found = await discoverFolders({ client, override: params.mailbox.spamFolder });
    return { ok: true, folders: found.folders, spam: found.spam, all: found.all };
  } catch (err) {
    return { ok: false, error: classifyImapError(err) };
  } finally {
    if (client) await client.logout().catch(() => client?.close());
  }
}
