import type { SeedMailbox } from '../generated/prisma/client.ts';
import type { ImapConnectionTest } from '../imap/test-imap-connection.ts';

/** One seed mailbox as the API answers it. The password or token is never included: `hasSecret` says one is set. */
export interface SeedMailboxView {
  id: string;
  provider: string;
  address: string;
  imapHost: string;
  imapPort: number;
  imapSecurity: string;
  imapUser: string;
  authMethod: string;
  hasSecret: boolean;
  trustSelfSigned: boolean;
  spamFolder: string | null;
  enabled: boolean;
  /** The last "Test connection" result (folders, spam folder and why, or the error). */
  lastTest: ImapConnectionTest | null;
  lastTestAt: Date | null;
  createdAt: Date;
}

/** Shape a row for the API, leaving the encrypted secret out. Pure. */
export function toSeedMailboxView(row: SeedMailbox): SeedMailboxView {
  let lastTest: ImapConnectionTest | null = null;
  if (row.lastTest) {
    try {
      lastTest = JSON.parse(row.lastTest) as ImapConnectionTest;
    } catch {
      lastTest = null;
    }
  }
  return {
    id: row.id,
    provider: row.provider,
    address: row.address,
    imapHost: row.imapHost,
    imapPort: row.imapPort,
    imapSecurity: row.imapSecurity,
    imapUser: row.imapUser,
    authMethod: row.authMethod,
    hasSecret: row.secret.length > 0,
    trustSelfSigned: row.trustSelfSigned,
    spamFolder: row.spamFolder,
    enabled: row.enabled,
    lastTest,
    lastTestAt: row.lastTestAt,
    createdAt: row.createdAt,
  };
}
