import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerOptions } from 'smtp-server';

/** A self-signed certificate for CN=localhost (SAN DNS:localhost, IP:127.0.0.1), made by openssl in a temp dir. */
export interface TestCertificate {
  key: Buffer;
  cert: Buffer;
  subject: string;
  cleanup(): void;
}

/** Generate the certificate once per test file (test-stack.md recipe; ~50 ms). */
export function makeCertificate(): TestCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), subject: 'CN=localhost', cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** One message a peer accepted. */
export interface PeerMessage {
  from: string;
  to: string[];
  raw: string;
}

/** A running peer on 127.0.0.1 (free port). `close()` drops open connections and stops it. */
export interface SmtpPeer {
  host: '127.0.0.1';
  port: number;
  messages: PeerMessage[];
  /** RCPT TO commands seen (greylisting counts attempts). */
  rcptAttempts: number;
  /** TCP connections accepted (one pooled transport opens few, SMTP-08). */
  connections: number;
  /** Client command lines as received (AUTH credentials redacted by smtp-server), e.g. `RCPT TO:<a@xn--…>`. */
  commands: string[];
  close(): Promise<void>;
}

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

interface PeerBehaviour {
  /** Answer to RCPT TO: an error to refuse, undefined to accept. */
  rcpt?: (p: { from: string; to: string; attempt: number }) => Error | undefined;
  /** Answer after DATA: an error to refuse, undefined to accept. */
  data?: () => Error | undefined;
}

async function startPeer(options: SMTPServerOptions, behaviour: PeerBehaviour): Promise<SmtpPeer> {
  const messages: PeerMessage[] = [];
  const seen = new Map<string, number>();
  const state = { rcptAttempts: 0, connections: 0 };
  const commands: string[] = [];
  const quiet = () => {};
  const server = new SMTPServer({
    logger: {
      level: quiet,
      trace: quiet,
      info: quiet,
      warn: quiet,
      error: quiet,
      fatal: quiet,
      debug: (meta: { tnx?: string }, _format: string, line: string) => {
        if (meta.tnx === 'command') commands.push(line);
      },
    } as never,
    ...options,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onRcptTo(address, session, callback) {
      state.rcptAttempts++;
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const key = `${from}|${address.address}`;
      const attempt = (seen.get(key) ?? 0) + 1;
      seen.set(key, attempt);
      callback(behaviour.rcpt?.({ from, to: address.address, attempt }) ?? undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refusal = behaviour.data?.();
        if (refusal) return callback(refusal);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    messages,
    commands,
    get rcptAttempts() {
      return state.rcptAttempts;
    },
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const noAuth = (cert: TestCertificate): SMTPServerOptions => ({ key: cert.key, cert: cert.cert, authOptional: true, disabledCommands: ['AUTH'] });

/** Greylisting MX (SMTP-04): `451 4.7.1 Greylisted, please try again later` on the first RCPT per (sender, recipient), then accepts. */
export function startGreylistPeer(cert: TestCertificate): Promise<SmtpPeer> {
  return startPeer(
    { ...noAuth(cert), name: 'mx.grey.test' },
    { rcpt: ({ attempt }) => (attempt === 1 ? smtpError(451, '4.7.1 Greylisted, please try again later') : undefined) },
  );
}

/** Policy MX (SMTP-05): `550 5.7.1 Message rejected by policy` at RCPT TO. */
export function startPolicyPeer(cert: TestCertificate): Promise<SmtpPeer> {
  return startPeer({ ...noAuth(cert), name: 'mx.policy.test' }, { rcpt: () => smtpError(550, '5.7.1 Message rejected by policy') });
}

/** Quota relay (QUOTA-01): accepts the envelope, then `550 5.4.5 Daily user sending quota exceeded` after DATA. */
export function startQuotaPeer(cert: TestCertificate): Promise<SmtpPeer> {
  return startPeer({ ...noAuth(cert), name: 'mx.quota.test' }, { data: () => smtpError(550, '5.4.5 Daily user sending quota exceeded') });
}

/** Implicit-TLS submission (port-465 style, SMTP-01): TLS from the first byte; accepts mail without AUTH. */
export function startImplicitTlsPeer(cert: TestCertificate): Promise<SmtpPeer> {
  return startPeer({ ...noAuth(cert), name: 'smtp.implicit.test', secure: true }, {});
}

/**
 * STARTTLS submission requiring AUTH after TLS (Postfix submission style, mailstack.md §6): MAIL before STARTTLS
 * gets `530 5.7.0 Must issue a STARTTLS command first`; AUTH PLAIN/LOGIN with `user`/`pass` only; SMTPUTF8 offered
 * unless `smtputf8: false`.
 */
export function startSubmissionPeer(cert: TestCertificate, p: { user: string; pass: string; smtputf8?: boolean }): Promise<SmtpPeer> {
  return startPeer(
    {
      key: cert.key,
      cert: cert.cert,
      name: 'smtp.submission.test',
      authMethods: ['PLAIN', 'LOGIN'],
      hideSMTPUTF8: p.smtputf8 === false,
      onAuth(auth, _session, callback) {
        if (auth.username === p.user && auth.password === p.pass) return callback(null, { user: auth.username });
        callback(smtpError(535, '5.7.8 Error: authentication failed: (reason unavailable)'));
      },
      // Postfix submission order: TLS first, then AUTH (AUTH is only offered after STARTTLS).
      authOptional: true,
      onMailFrom(_address, session, callback) {
        if (!session.secure) return callback(smtpError(530, '5.7.0 Must issue a STARTTLS command first'));
        if (!session.user) return callback(smtpError(530, '5.7.0 Authentication required'));
        callback();
      },
    },
    {},
  );
}
