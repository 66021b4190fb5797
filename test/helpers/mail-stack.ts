import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { startDovecot } from './dovecot.ts';
import type { Dovecot, SeedLayout } from './dovecot.ts';
import { startRbldnsd } from './rbldnsd.ts';
import type { Rbldnsd } from './rbldnsd.ts';

const run = promisify(execFile);

export const RSPAMD = '/usr/bin/rspamd';
export const POSTFIX = '/usr/sbin/postfix';
/**
 * rspamd compiles its hyperscan regexps on first start (~15–50 s) into `hs_cache_dir`; compiled databases are kept
 * here so later starts take ~1 s. No rspamd writes here: each stack copies this cache into its own `hs_cache_dir`
 * (with its own DBDIR: control socket, symbols cache, history) and, once its rspamd has stopped, publishes the
 * databases this cache lacks by copy + rename, so stacks running in parallel never see each other's half-written,
 * rewritten or cleaned-up files.
 */
export const RSPAMD_CACHE_DIR = path.join(os.tmpdir(), 'inboxwatch-rspamd-cache');
const HS_FILE = /^[0-9a-f]{64}\.(?:hs|hsmp|hsmc)(?:\.unser)?$/;
/** The Dovecot user the readiness probe is delivered to (not a seed). */
const PROBE_ADDRESS = 'probe@example.test';

/** A sending account on the submission server: SASL login (a Dovecot user) and the From domain it signs for. */
export interface SenderAccount {
  authUser: string;
  password: string;
  fromAddress: string;
  domain: string;
}

/** The whole chain, every listener on 127.0.0.1 (reference/mailstack.md §1). */
export interface MailStack {
  /** Postfix submission: STARTTLS required (self-signed cert), AUTH via Dovecot, DKIM-signs through rspamd. */
  submission: { host: '127.0.0.1'; port: number; certPath: string };
  /** The receiving MX (Postfix → rspamd milter → Dovecot LMTP) for example.test. */
  mxPort: number;
  /** sender.test: SPF, DKIM and DMARC pass, not listed anywhere. */
  clean: SenderAccount;
  /** listed.test: SPF, DKIM and DMARC pass, but the domain is on the MX's domain blocklist (dbl.test). */
  listed: SenderAccount;
  /** Seed users (password `seedpass`) and their folder layouts. */
  seeds: { address: string; password: string; layout: SeedLayout }[];
  dovecot: Dovecot;
  rbl: Rbldnsd;
  dir: string;
  /** Log tails of Postfix and rspamd, for failure messages. */
  logs(): string;
  /** Time from start to a probe message delivered through both milter passes (ms), for reports. */
  readyMs: number;
  /** Stops Postfix ×2, rspamd, Dovecot and rbldnsd by PID and removes the temp dir (the rspamd cache stays). */
  stop(): Promise<void>;
}

async function freeTcpPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', () => res()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((res) => srv.close(() => res()));
  return port;
}

async function waitPort(port: number, timeoutMs: number, what: string, alive: () => boolean, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && alive()) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port}\n${logs()}`);
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killAndWait(pid: number | null): Promise<void> {
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Copy the shared hyperscan cache into a stack's own cache dir (files only; a missing shared cache is a cold start). */
function seedHsCache(target: string): void {
  fs.mkdirSync(target, { recursive: true, mode: 0o755 });
  if (!fs.existsSync(RSPAMD_CACHE_DIR)) return;
  for (const name of fs.readdirSync(RSPAMD_CACHE_DIR)) {
    if (HS_FILE.test(name)) fs.copyFileSync(path.join(RSPAMD_CACHE_DIR, name), path.join(target, name));
  }
}

/** Publish databases the shared cache lacks: copy to a unique temporary name, then rename (atomic for readers). */
function publishHsCache(source: string): void {
  if (!fs.existsSync(source)) return;
  fs.mkdirSync(RSPAMD_CACHE_DIR, { recursive: true, mode: 0o755 });
  for (const name of fs.readdirSync(source)) {
    if (!HS_FILE.test(name) || fs.existsSync(path.join(RSPAMD_CACHE_DIR, name))) continue;
    const tmp = path.join(RSPAMD_CACHE_DIR, `.${name}.${process.pid}.tmp`);
    fs.copyFileSync(path.join(source, name), tmp);
    fs.chmodSync(tmp, 0o644);
    fs.renameSync(tmp, path.join(RSPAMD_CACHE_DIR, name));
  }
}

/**
 * Readiness of the whole chain, not of its listeners: rspamd answers /ping and accepts milter connections before
 * it can scan (a scan that fails closes the milter connection, and Postfix with `milter_default_action = tempfail`
 * answers `451 4.7.1 Service unavailable - try again later`). So a probe message goes through submission (milter
 * pass 1: DKIM signing) until it is accepted, then must be delivered by the MX (milter pass 2: scanning) to
 * Dovecot, which the MX log says with `status=sent`. Bounded by `timeoutMs`; throws with the last reply otherwise.
 */
async function waitChainReady(p: { submissionPort: number; account: SenderAccount; dir: string; timeoutMs: number; logs: () => string }): Promise<void> {
  const deadline = Date.now() + p.timeoutMs;
  const transport = nodemailer.createTransport({
    host: '127.0.0.1', port: p.submissionPort, secure: false, requireTLS: true, tls: { rejectUnauthorized: false },
    auth: { user: p.account.authUser, pass: p.account.password }, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 15_000,
  });
  let last = '';
  let queueId: string | null = null;
  try {
    while (!queueId && Date.now() < deadline) {
      try {
        const info = await transport.sendMail({ from: p.account.fromAddress, to: PROBE_ADDRESS, subject: 'mail stack readiness probe', text: 'probe\n' });
        queueId = /queued as ([0-9A-Z]+)/.exec(info.response)?.[1] ?? null;
        last = info.response;
      } catch (err) {
        last = (err as Error).message;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    if (!queueId) throw new Error(`submission did not accept a probe message: ${last}\n${p.logs()}`);
    // The submission instance relays it to the MX; its MX queue id differs, so follow the probe recipient.
    const mxLog = path.join(p.dir, 'mx/maillog');
    while (Date.now() < deadline) {
      const log = fs.existsSync(mxLog) ? fs.readFileSync(mxLog, 'utf8') : '';
      if (log.split('\n').some((line) => line.includes(`to=<${PROBE_ADDRESS}>`) && line.includes('status=sent'))) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the MX did not deliver the probe message (submission queue id ${queueId})\n${p.logs()}`);
  } finally {
    transport.close();
  }
}

const tail = (file: string, n = 20) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n') : '');

/** 1024-bit DKIM key (its TXT record fits one 255-byte string for rbldnsd); returns the key file and the p= value. */
async function dkimKey(file: string): Promise<string> {
  await run('openssl', ['genrsa', '-out', file, '1024']);
  const { stdout } = await run('sh', ['-c', `openssl rsa -in '${file}' -pubout -outform DER 2>/dev/null | base64 -w0`]);
  return stdout.trim();
}

function domainZone(p: { publicKey: string; dmarc: string }): string {
  return [
    '@ TXT "v=spf1 ip4:127.0.0.1 -all"',
    `_dmarc TXT "v=DMARC1; p=${p.dmarc}"`,
    `dkim._domainkey TXT "v=DKIM1; k=rsa; p=${p.publicKey}"`,
    'smtp A 127.0.0.1',
  ].join('\n');
}

function rspamdLocal(p: { dir: string; dns: string; cacheDir: string; ports: { proxy: number; normal: number; controller: number } }): Record<string, string> {
  return {
    'worker-normal.inc': `bind_socket = "127.0.0.1:${p.ports.normal}";\n`,
    'worker-controller.inc': `bind_socket = "127.0.0.1:${p.ports.controller}";\n`,
    'worker-proxy.inc': `bind_socket = "127.0.0.1:${p.ports.proxy}";
milter = yes;
self_scan = yes;
timeout = 120s;
count = 1;
max_retries = 5;
spam_header = "X-Spam";
upstream "local" {
  default = yes;
  self_scan = yes;
  hosts = "127.0.0.1:${p.ports.normal}";
}
`,
    'logging.inc': `type = "file";\nfilename = "${p.dir}/rspamd/log/rspamd.log";\nlevel = "notice";\n`,
    // Loopback is always "local" for rspamd: without check_local SPF/DKIM/DMARC skip a 127.0.0.1 client (mailstack §8.1).
    'options.inc': `dns {\n  nameserver = ["${p.dns}"];\n  timeout = 0.5s;\n  retransmits = 1;\n}\ncheck_local = true;\ncheck_authed = false;\nhs_cache_dir = "${p.cacheDir}/";\n`,
    'dkim.conf': 'check_local = true;\n',
    'spf.conf': 'check_local = true;\n',
    'dmarc.conf': 'check_local = true;\n',
    'dkim_signing.conf': `path = "${p.dir}/dkim/$domain.$selector.key";\nselector = "dkim";\nsign_authenticated = true;\nsign_local = false;\nallow_username_mismatch = true;\n`,
    'milter_headers.conf':
      'use = ["authentication-results", "x-spamd-result", "x-spam-status", "x-spam-level", "x-rspamd-queue-id", "x-rspamd-server"];\nskip_local = false;\nskip_authenticated = true;\n',
    'actions.conf': 'reject = 50;\nadd_header = 6;\ngreylist = null;\n',
    // The MX's domain blocklist (like Spamhaus DBL): URL domains in the body and the From domain.
    'rbl.conf': `rules {
  TEST_DBL_URL {
    ignore_defaults = true;
    rbl = "dbl.test";
    no_ip = true;
    checks = ["urls"];
  }
  TEST_DBL_FROM {
    ignore_defaults = true;
    rbl = "dbl.test";
    no_ip = true;
    selector = "from('mime'):domain";
  }
}
`,
    'rbl_group.conf':
      'symbols {\n  "TEST_DBL_URL" {\n    weight = 12.0;\n    description = "URL domain in local dbl.test";\n  }\n  "TEST_DBL_FROM" {\n    weight = 12.0;\n    description = "From domain in local dbl.test";\n  }\n}\n',
    'fuzzy_check.conf': 'enabled = false;\n',
    'settings.conf': `outbound {
  priority = high;
  authenticated = true;
  apply {
    symbols_enabled = ["DKIM_SIGNED"];
    actions {
      reject = 10000;
      "add header" = 10000;
      "rewrite subject" = 10000;
    }
  }
}
`,
  };
}

const MASTER_TAIL = `pickup    unix n - n 60 1 pickup
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
tlsmgr    unix - - n 1000? 1 tlsmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
smtp      unix - - n - - smtp
relay     unix - - n - - smtp
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
lmtp      unix - - n - - lmtp
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd`;

function postfixCommon(p: { dir: string; name: string; certPath: string; keyPath: string; milterPort: number }): string {
  return `compatibility_level = 3.6
mail_owner = postfix
setgid_group = postdrop
maillog_file_prefixes = ${p.dir}
maillog_file = ${p.dir}/${p.name}/maillog
queue_directory = ${p.dir}/${p.name}/spool
data_directory = ${p.dir}/${p.name}/data
syslog_name = postfix-${p.name}
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
mynetworks = 127.0.0.1/32
alias_maps =
alias_database =
local_recipient_maps =
smtputf8_enable = no
smtpd_tls_cert_file = ${p.certPath}
smtpd_tls_key_file = ${p.keyPath}
smtpd_tls_received_header = yes
smtpd_milters = inet:127.0.0.1:${p.milterPort}
non_smtpd_milters =
milter_default_action = tempfail
milter_protocol = 6
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 10s
`;
}

/**
 * Start the verified local chain of reference/mailstack.md on free loopback ports, as plain processes:
 * rbldnsd (sender.test and listed.test with SPF, DKIM and DMARC records; dbl.test listing listed.test and
 * bad.example) → rspamd (milter; DKIM-signs authenticated mail, scans and stamps Authentication-Results and
 * X-Spam-Status on the MX; its own copy of the hyperscan cache of RSPAMD_CACHE_DIR) → Dovecot (test/helpers/dovecot.ts: seed users with
 * different layouts, SASL for Postfix, a Sieve rule filing X-Spam-Status: Yes into each layout's spam folder) →
 * Postfix MX (example.test → LMTP) ← Postfix submission (STARTTLS required, AUTH, relays to the MX).
 * Ready when a probe message has passed both milters and reached Dovecot (waitChainReady), not when ports listen.
 * Bounded waits (rspamd: 90 s for a cold hyperscan compile; probe: 120 s). Throws with log tails when a part does not
 * start.
 */
export async function startMailStack(params: { seeds?: { address: string; layout: SeedLayout }[] } = {}): Promise<MailStack> {
  const seeds = (params.seeds ?? [
    { address: 'seed-junk@example.test', layout: 'junk' as const },
    { address: 'seed-bulk@example.test', layout: 'bulk' as const },
    { address: 'seed-fr@example.test', layout: 'fr' as const },
  ]).map((s) => ({ ...s, password: 'seedpass' }));
  const clean: SenderAccount = { authUser: 'sender@sender.test', password: 'sendpass', fromAddress: 'sender@sender.test', domain: 'sender.test' };
  const listed: SenderAccount = { authUser: 'news@listed.test', password: 'listedpass', fromAddress: 'news@listed.test', domain: 'listed.test' };
  const startedAt = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailstack-'));
  fs.chmodSync(dir, 0o755);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const logs = () =>
    [`--- rspamd`, tail(path.join(dir, 'rspamd/log/rspamd.log')), `--- postfix send`, tail(path.join(dir, 'send/maillog')), `--- postfix mx`, tail(path.join(dir, 'mx/maillog'))].join('\n');
  try {
    fs.mkdirSync(path.join(dir, 'dkim'), { mode: 0o755 });
    const keys = {
      clean: await dkimKey(path.join(dir, 'dkim/sender.test.dkim.key')),
      listed: await dkimKey(path.join(dir, 'dkim/listed.test.dkim.key')),
    };
    const rbl = await startRbldnsd({
      zones: [
        { zone: 'sender.test', type: 'generic', data: domainZone({ publicKey: keys.clean, dmarc: 'reject' }) },
        { zone: 'listed.test', type: 'generic', data: domainZone({ publicKey: keys.listed, dmarc: 'none' }) },
        { zone: 'dbl.test', type: 'dnset', data: ':127.0.1.2:Domain listed: $\nlisted.test\nbad.example' },
      ],
    });
    stops.push(() => rbl.stop());

    const dovecot = await startDovecot({
      users: [
        ...seeds.map((s) => ({ address: s.address, password: s.password, layout: s.layout })),
        { address: clean.authUser, password: clean.password, layout: 'plain' as const },
        { address: listed.authUser, password: listed.password, layout: 'plain' as const },
        { address: PROBE_ADDRESS, password: 'probepass', layout: 'plain' as const },
      ],
    });
    stops.push(() => dovecot.stop());

    // rspamd runs as _rspamd: its directories and the DKIM keys must be readable by it.
    const ports = { proxy: await freeTcpPort(), normal: await freeTcpPort(), controller: await freeTcpPort() };
    for (const d of ['rspamd/local/local.d', 'rspamd/local/override.d', 'rspamd/db', 'rspamd/run', 'rspamd/log']) fs.mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
    const hsCache = path.join(dir, 'rspamd/hs');
    seedHsCache(hsCache);
    for (const [file, text] of Object.entries(rspamdLocal({ dir, dns: rbl.server, cacheDir: hsCache, ports }))) {
      // Worker sockets go to override.d: a local.d bind_socket is merged with the default localhost:1133x one.
      fs.writeFileSync(path.join(dir, 'rspamd/local', file.startsWith('worker-') ? 'override.d' : 'local.d', file), text);
    }
    await run('chown', ['-R', '_rspamd:_rspamd', path.join(dir, 'rspamd/db'), path.join(dir, 'rspamd/run'), path.join(dir, 'rspamd/log'), path.join(dir, 'dkim'), hsCache]);
    fs.chmodSync(path.join(dir, 'dkim'), 0o700);
    const rspamd: ChildProcess = spawn(
      RSPAMD,
      ['-f', '-u', '_rspamd', '-g', '_rspamd', '-c', '/etc/rspamd/rspamd.conf', `--var=LOCAL_CONFDIR=${dir}/rspamd/local`,
        `--var=DBDIR=${dir}/rspamd/db`, `--var=RUNDIR=${dir}/rspamd/run`, `--var=LOGDIR=${dir}/rspamd/log`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let rspamdErr = '';
    rspamd.stderr?.on('data', (d: Buffer) => (rspamdErr += d.toString()));
    let rspamdExited = false;
    rspamd.on('exit', () => (rspamdExited = true));
    // Runs after rspamd has stopped (stops run in reverse): only finished databases are published.
    stops.push(async () => publishHsCache(hsCache));
    stops.push(() => killAndWait(rspamdExited ? null : (rspamd.pid as number)));
    const pingDeadline = Date.now() + 90_000;
    for (;;) {
      if (rspamdExited) throw new Error(`rspamd exited: ${rspamdErr}\n${logs()}`);
      if (Date.now() > pingDeadline) throw new Error(`rspamd did not answer /ping within 90 s\n${logs()}`);
      const pong = await fetch(`http://127.0.0.1:${ports.controller}/ping`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (pong) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await waitPort(ports.proxy, 10_000, 'rspamd milter', () => !rspamdExited, logs);

    // Postfix: the MX for example.test, then the submission instance relaying to it.
    const mxPort = await freeTcpPort();
    const submissionPort = await freeTcpPort();
    const tls = { certPath: dovecot.certPath, keyPath: dovecot.keyPath, milterPort: ports.proxy };
    const instances = [
      {
        name: 'mx',
        main: `${postfixCommon({ dir, name: 'mx', ...tls })}myhostname = mx.example.test
mydomain = example.test
smtpd_tls_security_level = may
smtpd_relay_restrictions = reject_unauth_destination
virtual_mailbox_domains = example.test
virtual_transport = lmtp:inet:127.0.0.1:${dovecot.lmtpPort}
`,
        master: `127.0.0.1:${mxPort} inet n - n - - smtpd\n${MASTER_TAIL}\n`,
        port: mxPort,
      },
      {
        name: 'send',
        main: `${postfixCommon({ dir, name: 'send', ...tls })}myhostname = smtp.sender.test
mydomain = sender.test
myorigin = sender.test
relayhost = [127.0.0.1]:${mxPort}
transport_maps = texthash:${dir}/send/conf/transport
smtp_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:${dovecot.authPort}
`,
        master: `127.0.0.1:${submissionPort} inet n - n - - smtpd
  -o syslog_name=postfix-send/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o milter_macro_daemon_name=ORIGINATING
${MASTER_TAIL}
`,
        port: submissionPort,
      },
    ];
    for (const inst of instances) {
      const base = path.join(dir, inst.name);
      for (const d of ['conf', 'spool', 'data']) fs.mkdirSync(path.join(base, d), { recursive: true, mode: 0o755 });
      fs.writeFileSync(path.join(base, 'conf/main.cf'), inst.main);
      fs.writeFileSync(path.join(base, 'conf/master.cf'), inst.master);
      // DSNs for the sending domains go straight to Dovecot (mailstack §8.13).
      fs.writeFileSync(path.join(base, 'conf/transport'), `sender.test lmtp:inet:127.0.0.1:${dovecot.lmtpPort}\nlisted.test lmtp:inet:127.0.0.1:${dovecot.lmtpPort}\n`);
      await run('chown', ['postfix:postfix', path.join(base, 'data')]);
      await run(POSTFIX, ['-c', path.join(base, 'conf'), 'check']);
      await run(POSTFIX, ['-c', path.join(base, 'conf'), 'start']);
      const pidFile = path.join(base, 'spool/pid/master.pid');
      stops.push(() => killAndWait(readPid(pidFile)));
      await waitPort(inst.port, 15_000, `postfix ${inst.name}`, () => true, logs);
    }
    await waitChainReady({ submissionPort, account: clean, dir, timeoutMs: 120_000, logs });
    return {
      submission: { host: '127.0.0.1', port: submissionPort, certPath: dovecot.certPath },
      mxPort,
      clean,
      listed,
      seeds,
      dovecot,
      rbl,
      dir,
      logs,
      readyMs: Date.now() - startedAt,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
