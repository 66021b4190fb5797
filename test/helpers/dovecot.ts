import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';

const run = promisify(execFile);

export const DOVECOT = '/usr/sbin/dovecot';
export const DOVEADM = '/usr/bin/doveadm';
export const SIEVEC = '/usr/bin/sievec';

/** One folder of a user's layout. `specialUse` is advertised by the server (RFC 6154 LIST attribute). */
export interface SeedFolder {
  name: string;
  specialUse?: '\\Junk' | '\\All' | '\\Sent' | '\\Trash' | '\\Archive' | '\\Drafts';
}

/**
 * Preset folder layouts (reference/mailstack.md §1):
 * - `junk`: `Junk` flagged \Junk
 * - `bulk`: `Bulk Mail`, no special-use (Yahoo)
 * - `fr`: `Courrier indésirable`, no special-use (mUTF-7 on the wire: `Courrier ind&AOk-sirable`)
 * - `junk-email`: `Junk Email`, no special-use (Exchange Online without SPECIAL-USE)
 * - `gmail`: `[Gmail]/Spam` \Junk and `[Gmail]/All Mail` \All (`[Gmail]` itself is \Noselect)
 * - `plain`: INBOX only (the Sieve rule then creates `Junk` on the first spam delivery)
 */
export type SeedLayout = 'junk' | 'bulk' | 'fr' | 'junk-email' | 'gmail' | 'plain';

export const SEED_LAYOUTS: Record<SeedLayout, SeedFolder[]> = {
  junk: [{ name: 'Junk', specialUse: '\\Junk' }],
  bulk: [{ name: 'Bulk Mail' }],
  fr: [{ name: 'Courrier indésirable' }],
  'junk-email': [{ name: 'Junk Email' }],
  gmail: [
    { name: '[Gmail]/Spam', specialUse: '\\Junk' },
    { name: '[Gmail]/All Mail', specialUse: '\\All' },
  ],
  plain: [],
};

/** A mail user: full address as login, its password, and its folder layout (preset or explicit folders). */
export interface DovecotUser {
  address: string;
  password: string;
  layout: SeedLayout | SeedFolder[];
}

/** The default users: four seeds (password `seedpass`) and a sender for Postfix SASL / DSNs (`sendpass`). */
export const DEFAULT_USERS: DovecotUser[] = [
  { address: 'seed-junk@example.test', password: 'seedpass', layout: 'junk' },
  { address: 'seed-bulk@example.test', password: 'seedpass', layout: 'bulk' },
  { address: 'seed-fr@example.test', password: 'seedpass', layout: 'fr' },
  { address: 'seed-gmail@example.test', password: 'seedpass', layout: 'gmail' },
  { address: 'sender@sender.test', password: 'sendpass', layout: 'plain' },
];

/** The test header that the Sieve rule treats as a spam marker, besides `X-Spam-Status: Yes…`. */
export const DEFAULT_SPAM_HEADER = 'X-Test-Spam';

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

const MAIL_UID = 5000;

function folderList(layout: DovecotUser['layout']): SeedFolder[] {
  return typeof layout === 'string' ? SEED_LAYOUTS[layout] : layout;
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

function quoteSieve(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The global sieve_before script: a message whose `X-Spam-Status` starts with "Yes" (rspamd's milter header at the
 * MX) or that carries `spamHeader` is filed into the user's spam folder: the \Junk special-use folder if any, else
 * "Bulk Mail", else "Courrier indésirable", else "Junk Email", else `Junk` (created). RFC 5228, RFC 8579 (special-use).
 */
function spamSieve(spamHeader: string): string {
  return `require ["fileinto", "mailbox", "special-use"];
if anyof (header :matches "X-Spam-Status" "Yes*", exists ${quoteSieve(spamHeader)}) {
  if specialuse_exists "\\\\Junk" { fileinto :specialuse "\\\\Junk" "Junk"; stop; }
  if mailboxexists "Bulk Mail" { fileinto "Bulk Mail"; stop; }
  if mailboxexists "Courrier indésirable" { fileinto "Courrier indésirable"; stop; }
  if mailboxexists "Junk Email" { fileinto "Junk Email"; stop; }
  fileinto :create "Junk"; stop;
}
`;
}

function dovecotConf(p: {
  dir: string;
  hostname: string;
  ports: { imap: number; imaps: number; lmtp: number; auth: number };
  specialUse: Map<string, string>;
}): string {
  const { dir, ports } = p;
  const mailboxes = [...p.specialUse]
    .map(([name, use]) => `  mailbox ${quoteSieve(name)} {\n    special_use = ${use}\n  }`)
    .join('\n');
  return `protocols = imap lmtp
hostname = ${p.hostname}
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = yes
ssl_cert = <${dir}/tls/cert.pem
ssl_key = <${dir}/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
# tests log in with wrong passwords on purpose: no failure delay, and no anvil auth penalty (the auth process
# cannot open anvil-auth-penalty with mode 0; Dovecot's documented way to turn the penalty off)
auth_failure_delay = 0
first_valid_uid = 1000
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
${mailboxes}
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${ports.imap}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${ports.imaps}
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${ports.lmtp}
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  inet_listener {
    address = 127.0.0.1
    port = ${ports.auth}
  }
}
protocol lmtp {
  mail_plugins = sieve
}
plugin {
  sieve_extensions = +special-use
  sieve_before = ${dir}/sieve/spam.sieve
}
`;
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
