import type { ImapFlow } from 'imapflow';
import type { Transporter } from 'nodemailer';
import type { SeedMailbox, SmtpServer } from '../generated/prisma/client.ts';
import type { SendOutcome } from '../smtp/types.ts';
import { createSeedTransport } from '../smtp/create-seed-transport.ts';
import { buildSeedMessage } from '../smtp/build-seed-message.ts';
import { sendSeedMessage } from '../smtp/send-seed-message.ts';
import { openMailbox } from '../imap/open-mailbox.ts';
import { classifyImapError } from '../imap/classify-imap-error.ts';
import { discoverFolders } from '../imap/discover-folders.ts';
import { findSeedMessage } from '../imap/find-seed-message.ts';
import { receiverVerdicts } from '../auth-results/receiver-verdicts.ts';
import { egressIp } from '../auth-results/egress-ip.ts';

/** A built seed message (lib/smtp/build-seed-message.ts). */
export type SeedMessage = ReturnType<typeof buildSeedMessage>;
/** Folders of one seed mailbox (lib/imap/discover-folders.ts, RFC 6154). */
export type SeedFolders = Awaited<ReturnType<typeof discoverFolders>>;
/** A search for one seed message (lib/imap/find-seed-message.ts). */
export type SeedSearch = Awaited<ReturnType<typeof findSeedMessage>>;
/** Receiver verdicts from the topmost Authentication-Results (lib/auth-results/receiver-verdicts.ts). */
export type ReceiverVerdicts = ReturnType<typeof receiverVerdicts>;

/** The SMTP boundary of a placement test; tests replace it with fakes. */
export interface SendDeps {
  createTransport(p: { server: SmtpServer }): Transporter;
  buildMessage(p: { token: string; seed: { address: string }; server: { name: string; fromAddress: string; heloName?: string | null }; now?: Date }): SeedMessage;
  sendMessage(p: { transport: Transporter; message: SeedMessage; from: string; to: string; server: SmtpServer }): Promise<SendOutcome>;
}

/** The IMAP and received-copy boundary of a placement test; tests replace it with fakes. */
export interface CollectDeps {
  openMailbox(p: { mailbox: SeedMailbox }): Promise<ImapFlow>;
  classifyImapError(err: unknown): { kind: 'unreachable' | 'tls' | 'auth_failed' | 'protocol'; message: string };
  discoverFolders(p: { client: ImapFlow; override?: string | null }): Promise<SeedFolders>;
  findSeedMessage(p: { client: ImapFlow; token: string; messageId: string; provider: string; folders: SeedFolders }): Promise<SeedSearch>;
  receiverVerdicts(p: { headers: string }): ReceiverVerdicts;
  egressIp(p: { headers: string }): string | null;
}

/** The real SMTP boundary: one pooled nodemailer transport per server (lib/smtp). */
export const defaultSendDeps: SendDeps = {
  createTransport: createSeedTransport,
  buildMessage: buildSeedMessage,
  sendMessage: sendSeedMessage,
};

/** The real IMAP boundary: imapflow (lib/imap) and the tolerant RFC 8601 parser (lib/auth-results). */
export const defaultCollectDeps: CollectDeps = {
  openMailbox,
  classifyImapError,
  discoverFolders,
  findSeedMessage,
  receiverVerdicts,
  egressIp,
};
