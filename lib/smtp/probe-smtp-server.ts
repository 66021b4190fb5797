import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { describeSendOutcome } from './describe-send-outcome.ts';
import { explainSendError } from './explain-send-error.ts';
import { heloNameOf, seedConnectionOptions } from './create-seed-transport.ts';
import type { SeedTimeouts, SmtpServerRecord } from './create-seed-transport.ts';
import { parseSmtpReply } from './parse-smtp-reply.ts';
import type { SendOutcome } from './types.ts';

/** What a probe learned: the outcome of the furthest stage, and the EHLO keywords (RFC 5321 §4.1.1.1). */
export interface ProbeResult {
  ok: boolean;
  outcome: SendOutcome;
  extensions: string[];
  /** Whether the session was encrypted when EHLO was answered. */
  secure: boolean;
}

/** EHLO keywords from a multi-line 250 reply (first line is the greeting, the rest one keyword each). */
function ehloKeywords(reply: string | false): string[] {
  if (!reply) return [];
  return reply
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.replace(/^\d{3}[ -]/, '').split(/[ =]/)[0].toUpperCase())
    .filter((k) => k !== '');
}

/**
 * Open one SMTP session with the server's settings: connect → TLS (implicit or STARTTLS) → EHLO → AUTH (when
 * `authenticate` and credentials are set), then QUIT. Reports the stage reached and the classified reply.
 * Nothing is sent. Never throws for SMTP or network outcomes (a stored password that cannot be decrypted is
 * reported as config_error / auth).
 * @param authenticate log in with the stored credentials (default true).
 */
export async function probeSmtpServer(p: {
  server: SmtpServerRecord;
  authenticate?: boolean;
  decrypt?: (blob: string) => string;
  timeouts?: SeedTimeouts;
}): Promise<ProbeResult> {
  const { server, authenticate = true } = p;
  const heloName = heloNameOf(server);
  let options;
  try {
    options = seedConnectionOptions({ server, withAuth: authenticate, decrypt: p.decrypt, timeouts: p.timeouts });
  } catch (err) {
    const reply = { code: null, enhancedCode: null, text: '' };
    const o = { outcome: 'config_error' as const, category: 'auth', retryable: false, ...reply, stage: 'auth' as const };
    return { ok: false, outcome: { ...o, message: describeSendOutcome({ ...o, detail: (err as Error).message }) }, extensions: [], secure: false };
  }
  const { auth, ...connectionOptions } = options;
  const connection = new SMTPConnection(connectionOptions);
  const failed = async (error: unknown, extensions: string[] = []): Promise<ProbeResult> => {
    connection.close();
    return { ok: false, outcome: await explainSendError({ error, server, heloName }), extensions, secure: connection.secure };
  };
  // Connection failures arrive as 'error' events (the connect callback only reports success); later ones are
  // reported by the login callback, and the listener keeps them from being thrown.
  connection.on('error', () => {});
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect((err) => (err ? reject(err) : resolve()));
    });
  } catch (err) {
    return failed(err);
  }
  const extensions = ehloKeywords(connection.lastServerResponse);
  const secure = connection.secure;
  let last = parseSmtpReply(connection.lastServerResponse || '250');
  let stage: 'ehlo' | 'auth' = 'ehlo';
  if (auth && typeof auth === 'object' && 'user' in auth) {
    try {
      await new Promise<void>((resolve, reject) => connection.login(auth as never, (err) => (err ? reject(err) : resolve())));
    } catch (err) {
      return failed(err, extensions);
    }
    last = parseSmtpReply(connection.lastServerResponse || '235');
    stage = 'auth';
  }
  connection.quit();
  const tlsWords = secure ? 'over TLS' : 'without TLS';
  const reached = stage === 'auth' ? `EHLO and AUTH as ${server.authUser} accepted` : 'EHLO accepted (no AUTH configured)';
  const o = { outcome: 'accepted' as const, category: 'connection_ok', retryable: false, ...last, stage };
  return {
    ok: true,
    outcome: { ...o, message: `Connected to ${server.host}:${server.port} ${tlsWords} as ${heloName}; ${reached}. SMTPUTF8 ${extensions.includes('SMTPUTF8') ? 'is' : 'is not'} offered.` },
    extensions,
    secure,
  };
}
