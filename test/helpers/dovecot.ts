import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { DEFAULT_SPAM_HEADER, DEFAULT_USERS, dovecotConf, folderList, MAIL_UID, spamSieve } from './dovecot-config.ts';
import type { DovecotUser } from './dovecot-config.ts';

export { DEFAULT_SPAM_HEADER, DEFAULT_USERS, SEED_LAYOUTS } from './dovecot-config.ts';
export type { DovecotUser, SeedFolder, SeedLayout } from './dovecot-config.ts';

const run = promisify(execFile);

/** Debian's binaries (packages dovecot-core, dovecot-sieve). */
export const DOVECOT = '/usr/sbin/dovecot';
export const DOVEADM = '/usr/bin/doveadm';
export const SIEVEC = '/usr/bin/sievec';

/** A running Dovecot started by startDovecot: its loopback ports, users, certificate and controls. */
export interface Dovecot {
  host: '127.0.0.1';
  /** IMAP with STARTTLS offered (not required; plaintext auth allowed). */
  imapPort: number;
  /** IMAPS (implicit TLS). */
  imapsPort: number;
  lmtpPort: number;
  /** Dovecot auth service for Postfix SASL: `smtpd_sasl_type = dovecot`, `smtpd_sasl_path = inet:127.0.0.1:<authPort>`. */
  authPort: number;
  /** Self-signed certificate (CN=localhost, SAN localhost, 127.0.0.1, the hostname) and key, PEM. */
  certPath: string;
  keyPath: string;
  /** The `hostname` Dovecot writes into LMTP Received headers. */
  hostname: string;
  users: DovecotUser[];
  /** Header name whose presence files a message as spam. */
  spamHeader: string;
  dir: string;
  pid: number;
  /** Delivers one raw RFC 5322 message over LMTP (Sieve runs); rejects with the LMTP reply on refusal. */
  deliver(rawMessage: string, rcpt: string, from?: string): Promise<void>;
  /** Stores one raw message straight into a folder (doveadm save; no Sieve). */
  save(rawMessage: string, user: string, folder: string): Promise<void>;
  /** Folder path → message count for a user (doveadm mailbox status). */
  counts(user: string): Promise<Record<string, number>>;
  /** Empties every folder of every user and recreates the layouts. */
  reset(): Promise<void>;
  /** Stops the master by PID (SIGTERM) and waits until it is gone; removes the temp dir. */
  stop(): Promise<void>;
}

async function freeTcpPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((res, rej) => {
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => res());
  });
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((res) => srv.close(() => res()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts Debian's Dovecot (2.3) in the foreground (`-F`, a plain child process, no systemd) on free 127.0.0.1 ports:
 * IMAP (STARTTLS offered), IMAPS, LMTP and an auth inet listener for Postfix SASL. Everything lives in a temp dir:
 * a self-signed certificate made with openssl, passwd-file users (`{PLAIN}` passwords, uid 5000 ≥ first_valid_uid),
 * one Maildir home per user with its folder layout created by `doveadm mailbox create -s`, and a global
 * sieve_before rule (compiled with sievec) that files spam-marked messages into the spam folder.
 * Resolves when every listener accepts (bounded: 10 s); rejects with the log tail otherwise.
 */
export async function startDovecot(params: {
  users?: DovecotUser[];
  spamHeader?: string;
  hostname?: string;
} = {}): Promise<Dovecot> {
  const users = params.users ?? DEFAULT_USERS;
  const spamHeader = params.spamHeader ?? DEFAULT_SPAM_HEADER;
  const hostname = params.hostname ?? 'mx.example.test';
  const specialUse = new Map<string, string>();
  for (const u of users) {
    for (const f of folderList(u.layout)) {
      if (!f.specialUse) continue;
      const seen = specialUse.get(f.name);
      if (seen && seen !== f.specialUse) throw new Error(`folder "${f.name}" has two special-uses: ${seen}, ${f.specialUse}`);
      specialUse.set(f.name, f.specialUse);
    }
  }
  for (const u of users) {
    for (const f of folderList(u.layout)) {
      if (!f.specialUse && specialUse.has(f.name)) {
        throw new Error(`folder "${f.name}" is special-use for one user and not for another (Dovecot's setting is global)`);
      }
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dovecot-'));
  fs.chmodSync(dir, 0o755);
  for (const d of ['run', 'state', 'tls', 'sieve', 'home']) fs.mkdirSync(path.join(dir, d), { mode: 0o755 });
  const certPath = path.join(dir, 'tls/cert.pem');
  const keyPath = path.join(dir, 'tls/key.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', `subjectAltName=DNS:localhost,DNS:${hostname},IP:127.0.0.1`,
    '-keyout', keyPath, '-out', certPath,
  ]);
  fs.chmodSync(certPath, 0o644);

  fs.writeFileSync(
    path.join(dir, 'users'),
    users
      .map((u) => {
        if (/[:\s]/.test(u.password)) throw new Error('passwd-file passwords cannot contain ":" or spaces');
        return `${u.address}:{PLAIN}${u.password}:${MAIL_UID}:${MAIL_UID}::${dir}/home/${u.address}`;
      })
      .join('\n') + '\n',
  );
  const sieve = path.join(dir, 'sieve/spam.sieve');
  fs.writeFileSync(sieve, spamSieve(spamHeader));
  fs.writeFileSync(path.join(dir, 'sieve/sievec.conf'), 'plugin {\n  sieve_extensions = +special-use\n}\n');
  await run(SIEVEC, ['-c', path.join(dir, 'sieve/sievec.conf'), sieve]);

  const conf = path.join(dir, 'dovecot.conf');
  const logPath = path.join(dir, 'dovecot.log');
  const logTail = () => (fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n') : '');
  const doveadm = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(DOVEADM, ['-c', conf, ...args], (err, stdout, stderr) =>
        err ? reject(new Error(`doveadm ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout),
      );
      if (input !== undefined) child.stdin?.end(input);
    });

  const createLayouts = async () => {
    fs.rmSync(path.join(dir, 'home'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'home'), { mode: 0o755 });
    for (const u of users) {
      const home = path.join(dir, 'home', u.address);
      fs.mkdirSync(home, { mode: 0o700 });
      fs.chownSync(home, MAIL_UID, MAIL_UID);
      const folders = folderList(u.layout).map((f) => f.name);
      if (folders.length) await doveadm(['mailbox', 'create', '-s', '-u', u.address, ...folders]);
      await doveadm(['mailbox', 'subscribe', '-u', u.address, 'INBOX']);
    }
  };

  let exited = false;
  for (let attempt = 0; ; attempt++) {
    const ports = { imap: await freeTcpPort(), imaps: await freeTcpPort(), lmtp: await freeTcpPort(), auth: await freeTcpPort() };
    fs.writeFileSync(conf, dovecotConf({ dir, hostname, ports, specialUse }));
    if (fs.existsSync(logPath)) fs.truncateSync(logPath);
    exited = false;
    const c: ChildProcess = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('exit', () => (exited = true));
    const deadline = Date.now() + 10_000;
    let up = false;
    while (!exited && Date.now() < deadline) {
      const all = await Promise.all(Object.values(ports).map((p) => accepts(p)));
      if (all.every(Boolean)) {
        up = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const stopChild = async () => {
      if (exited) return;
      const gone = new Promise<void>((res) => c.once('exit', () => res()));
      process.kill(c.pid as number, 'SIGTERM');
      await gone;
    };
    if (up) {
      try {
        await createLayouts();
      } catch (err) {
        await stopChild();
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
      const pid = c.pid as number;
      return {
        host: '127.0.0.1',
        imapPort: ports.imap,
        imapsPort: ports.imaps,
        lmtpPort: ports.lmtp,
        authPort: ports.auth,
        certPath,
        keyPath,
        hostname,
        users,
        spamHeader,
        dir,
        pid,
        async deliver(rawMessage, rcpt, from = 'sender@sender.test') {
          const transport = nodemailer.createTransport({
            host: '127.0.0.1',
            port: ports.lmtp,
            lmtp: true,
            secure: false,
            ignoreTLS: true,
            name: 'lmtp-client.test',
          });
          try {
            await transport.sendMail({ envelope: { from, to: [rcpt] }, raw: rawMessage });
          } finally {
            transport.close();
          }
        },
        async save(rawMessage, user, folder) {
          await doveadm(['save', '-u', user, '-m', folder], rawMessage);
        },
        async counts(user) {
          const out = await doveadm(['-f', 'tab', 'mailbox', 'status', '-u', user, 'messages', '*']);
          const rows = out.trim().split('\n').slice(1);
          return Object.fromEntries(
            rows.map((row) => {
              const [name, messages] = row.split('\t');
              return [name, Number(messages)];
            }),
          );
        },
        reset: createLayouts,
        async stop() {
          await stopChild();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await stopChild();
    const bindError = /bind|address already in use/i.test(stderr + logTail());
    if (attempt >= 2 || !bindError) {
      const why = (stderr.trim() || logTail()) || 'listeners did not accept within 10 s';
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`dovecot did not start: ${why}`);
    }
  }
}
