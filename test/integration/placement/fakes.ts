import type { ImapFlow } from 'imapflow';
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../../../lib/generated/prisma/client.ts';
import type { CollectDeps, SendDeps, SeedSearch } from '../../../lib/placement/placement-deps.ts';
import type { SendOutcome } from '../../../lib/smtp/types.ts';

/** A settable clock. */
export function clock(start: string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

/** SendOutcome words as the SMTP side stores them. */
export const ACCEPTED: SendOutcome = {
  outcome: 'accepted', category: 'accepted_by_relay', retryable: false, stage: 'data', code: 250, enhancedCode: '2.0.0',
  text: 'Ok: queued as 4A1B2C3D', message: 'accepted by the relay (250 2.0.0): not yet delivered',
};
export const GREYLISTED: SendOutcome = {
  outcome: 'deferred', category: 'greylisted', retryable: true, stage: 'rcpt', code: 451, enhancedCode: '4.7.1',
  text: 'Greylisted, please try again later', message: 'deferred: greylisted (451 4.7.1)',
};
export const REFUSED: SendOutcome = {
  outcome: 'error', category: 'connection_refused', retryable: true, stage: 'connect', code: null, enhancedCode: null,
  text: 'connect ECONNREFUSED 127.0.0.1:2', message: 'connection refused: nothing listens on 127.0.0.1 port 2',
};
export const POLICY_BLOCK: SendOutcome = {
  outcome: 'rejected', category: 'policy_block', retryable: false, stage: 'rcpt', code: 550, enhancedCode: '5.7.1',
  text: 'Message rejected as spam', message: 'rejected by policy (550 5.7.1): Message rejected as spam',
};

/** A scripted SMTP boundary: `reply(to, attempt)` answers each send; counts transports opened and closed. */
export function fakeSmtp(reply: (to: string, attempt: number) => SendOutcome) {
  const attempts = new Map<string, number>();
  const sends: { to: string; messageId: string; from: string }[] = [];
  const transports = { opened: 0, closed: 0 };
  const deps: SendDeps = {
    createTransport: () => {
      transports.opened++;
      return { close: () => void transports.closed++ } as unknown as Transporter;
    },
    buildMessage: ({ token, seed, server, now }) => ({
      messageId: `<${token}.${seed.address.split('@')[0]}@${server.fromAddress.split('@')[1]}>`,
      subject: `Inboxwatch seed ${token}`,
      text: `seed ${token}`,
      html: `<p>seed ${token}</p>`,
      headers: { 'X-Inboxwatch-Token': token },
      token,
      date: now ?? new Date(0),
    }),
    sendMessage: async ({ to, message, from }) => {
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      sends.push({ to, messageId: message.messageId, from });
      return reply(to, n);
    },
  };
  return { deps, sends, transports };
}

export const RECEIVED_HEADERS = [
  'Authentication-Results: mx.example.test; dkim=pass header.d=sender.test header.s=dkim; spf=pass smtp.mailfrom=sender@sender.test; dmarc=pass (policy=reject) header.from=sender.test',
  'Received: from smtp.sender.test (localhost [127.0.0.1]) by mx.example.test (Postfix) with ESMTPS id 1; Sun, 29 Nov 2026 15:00:01 +0000',
].join('\r\n');

/**
 * A scripted IMAP boundary. `mailboxes[address]` is either an Error thrown by openMailbox, or a function giving the
 * search result for a Message-ID. receiverVerdicts/egressIp read the two fixed headers above.
 */
export function fakeImap(mailboxes: Record<string, Error | ((messageId: string) => SeedSearch)>) {
  const opened: string[] = [];
  let loggedOut = 0;
  const deps: CollectDeps = {
    openMailbox: async ({ mailbox }) => {
      opened.push(mailbox.address);
      const m = mailboxes[mailbox.address];
      if (m instanceof Error) throw m;
      return { address: mailbox.address, logout: async () => void loggedOut++ } as unknown as ImapFlow;
    },
    classifyImapError: (err) =>
      (err as { authenticationFailed?: boolean }).authenticationFailed
        ? { kind: 'auth_failed', message: 'the server refused the login: Authentication failed.' }
        : { kind: 'unreachable', message: 'connection refused: nothing listens on that host and port' },
    discoverFolders: async () => ({ inbox: 'INBOX', spam: { path: 'Junk', why: 'special-use \\Junk' }, all: null, folders: [] }) as never,
    findSeedMessage: async ({ client, messageId }) => {
      const m = mailboxes[(client as unknown as { address: string }).address];
      return (m as (id: string) => SeedSearch)(messageId);
    },
    receiverVerdicts: ({ headers }) => ({
      authservId: headers.includes('mx.example.test') ? 'mx.example.test' : null,
      spf: { result: 'pass', domain: 'sender.test' },
      dkim: [{ result: 'pass', domain: 'sender.test', selector: 'dkim' }],
      dmarc: { result: 'pass', domain: 'sender.test' },
    }) as never,
    egressIp: ({ headers }) => (/\[(\d+\.\d+\.\d+\.\d+)\]/.exec(headers)?.[1] ?? null),
  };
  return { deps, opened, loggedOut: () => loggedOut };
}

/** A found seed in `folder` with the fixed received headers, stored at `receivedAt`. */
export function found(folder: string, placement: 'inbox' | 'spam' | 'tab' | 'other_folder', receivedAt: Date): SeedSearch {
  return { found: true, folder, placement, uid: 1, headers: RECEIVED_HEADERS, receivedAt } as SeedSearch;
}

/** A server and three seed mailboxes (gmail, outlook, yahoo) written straight to the database. */
export async function seedRows(db: PrismaClient, server: { pausedReason?: string; enabled?: boolean; scheduleCron?: string } = {}) {
  const s = await db.smtpServer.create({
    data: {
      name: 'Newsletter relay', host: '127.0.0.1', port: 2587, security: 'starttls', fromAddress: 'news@sender.test',
      heloName: 'client.sender.test', ...server,
    },
  });
  const providers = ['gmail', 'outlook', 'yahoo'] as const;
  for (const [i, provider] of providers.entries()) {
    await db.seedMailbox.create({
      data: {
        provider, address: `seed-${provider}@example.test`, imapHost: '127.0.0.1', imapPort: 1143, imapSecurity: 'starttls',
        imapUser: `seed-${provider}@example.test`, secret: 'v1:not-used-by-fakes', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      },
    });
  }
  return s;
}
