import type { SentMessageInfo } from 'nodemailer';
import { classifySmtpReply } from './classify-smtp-reply.ts';
import { describeSendOutcome } from './describe-send-outcome.ts';
import { parseSmtpReply } from './parse-smtp-reply.ts';
import type { SendOutcome, SmtpClassification, SmtpReply, SmtpStage } from './types.ts';

export type { SendOutcome, SmtpStage } from './types.ts';

/** The server settings that explain a failure (a TLS mode hint depends on port and security). */
export interface ServerSettings {
  host: string;
  port: number;
  security: string;
}

/** A certificate's names, when the caller could read them (lib/smtp/read-server-certificate.ts). */
export interface CertificateNames {
  subject: string;
  issuer: string;
}

interface NodemailerErrorLike {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

// OpenSSL's words when TLS meets a plaintext SMTP greeting, or the reverse (SMTP-01).
const TLS_MODE = /wrong version number|WRONG_VERSION_NUMBER|packet length too long|unknown protocol|http request|ssl3_get_record|record layer failure/i;
const CERTIFICATE = /certificate|self[- ]signed|unable to verify|altnames|CERT_|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT/i;

/** The session stage from nodemailer's `err.command` (CONN, STARTTLS, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA). */
function stageOf(err: NodemailerErrorLike): SmtpStage {
  const command = (err.command ?? '').toUpperCase();
  if (command === 'STARTTLS' || err.code === 'ETLS') return 'tls';
  if (command.startsWith('AUTH') || err.code === 'EAUTH') return 'auth';
  if (command === 'EHLO' || command === 'HELO' || command === 'LHLO') return 'ehlo';
  if (command === 'MAIL FROM') return 'mail';
  if (command === 'RCPT TO') return 'rcpt';
  if (command === 'DATA') return 'data';
  return 'connect';
}

/** What to change when the TLS mode does not match the port (SMTP-01). */
function tlsModeHint(server: ServerSettings): string {
  if (server.security === 'implicit_tls') {
    const why = server.port === 587 || server.port === 25 ? 'uses STARTTLS' : 'speaks plain SMTP first';
    return `port ${server.port} ${why}: set security to starttls`;
  }
  return `port ${server.port} ${server.port === 465 ? 'uses implicit TLS' : 'expects TLS from the first byte'}: set security to implicit_tls`;
}

function outcome(p: SmtpClassification & SmtpReply & { stage: SmtpStage; hint?: string; detail?: string }): SendOutcome {
  const { hint, detail, ...rest } = p;
  return { ...rest, message: describeSendOutcome(p) };
}

const NO_REPLY: SmtpReply = { code: null, enhancedCode: null, text: '' };

/**
 * Turn a nodemailer send or verify error into the stored outcome. Uses `err.code` (ESOCKET, ETIMEDOUT, ECONNECTION,
 * EDNS, ETLS, EAUTH, EENVELOPE, EMESSAGE), `err.originalCode` (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT …),
 * `err.command` for the stage and `err.response` (the server's reply) for classifySmtpReply.
 * - SMTP-01: `wrong version number` with implicit TLS on a STARTTLS port, or "Greeting never received" with
 *   STARTTLS/none on 465 → config_error / tls_mode with the setting to change.
 * - SMTP-02: an untrusted certificate → config_error / certificate, naming subject and issuer when given, with the
 *   per-server remedy (never a process-wide switch).
 * - EAUTH 535 → config_error / auth. Connection refused, timeouts and DNS failures → error.
 * Never throws; anything unrecognised is `error` / `unexpected` with the error's message.
 */
export function classifySendError(p: { error: unknown; server: ServerSettings; certificate?: CertificateNames }): SendOutcome {
  const err: NodemailerErrorLike = p.error && typeof p.error === 'object' ? (p.error as NodemailerErrorLike) : { message: String(p.error) };
  const stage = stageOf(err);
  const message = err.message ?? '';
  const reply = typeof err.response === 'string' ? parseSmtpReply(err.response) : NO_REPLY;

  if (reply.code !== null) {
    const c = classifySmtpReply({ ...reply, stage });
    // A refused STARTTLS (e.g. 502 "command not recognized") means the server does not offer it on this port.
    if (stage === 'tls' && reply.code >= 500) {
      return outcome({ outcome: 'config_error', category: 'tls_mode', retryable: false, ...reply, stage, hint: 'the server does not offer STARTTLS on this port: set security to implicit_tls (port 465) or none' });
    }
    return outcome({ ...c, ...reply, stage });
  }
  // Node's own advice (--use-system-ca) would trust more than this one server; keep only the reason.
  const detail = message.replace(/^Error initiating TLS - /, '').replace(/; if the root CA is installed locally.*$/s, '');
  const codes = `${err.code ?? ''} ${err.originalCode ?? ''}`;

  if (TLS_MODE.test(message) || TLS_MODE.test(codes)) {
    return outcome({ outcome: 'config_error', category: 'tls_mode', retryable: false, ...NO_REPLY, stage: 'tls', detail, hint: tlsModeHint(p.server) });
  }
  if (CERTIFICATE.test(message) || CERTIFICATE.test(codes)) {
    const names = p.certificate ? `certificate subject "${p.certificate.subject}", issuer "${p.certificate.issuer}"; ` : '';
    return outcome({
      outcome: 'config_error',
      category: 'certificate',
      retryable: false,
      ...NO_REPLY,
      stage: 'tls',
      detail,
      hint: `${names}if this is your own server, turn on "trust this server's self-signed certificate" for this server only; if not, something between you and ${p.server.host} may be intercepting TLS.`,
    });
  }
  if (err.code === 'ETIMEDOUT' && /greeting never received/i.test(message) && p.server.security !== 'implicit_tls') {
    return outcome({ outcome: 'config_error', category: 'tls_mode', retryable: false, ...NO_REPLY, stage: 'connect', detail, hint: tlsModeHint(p.server) });
  }
  if (err.code === 'EAUTH') return outcome({ outcome: 'config_error', category: 'auth', retryable: false, ...NO_REPLY, stage: 'auth', detail });
  if (/ECONNREFUSED/.test(codes) || /ECONNREFUSED/.test(message)) {
    return outcome({ outcome: 'error', category: 'connection_refused', retryable: true, ...NO_REPLY, stage: 'connect', detail: `${p.server.host}:${p.server.port}` });
  }
  if (err.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(codes)) {
    return outcome({ outcome: 'error', category: 'dns', retryable: true, ...NO_REPLY, stage: 'connect', detail: p.server.host });
  }
  if (err.code === 'ETIMEDOUT' || /ETIMEDOUT/.test(codes)) return outcome({ outcome: 'error', category: 'timeout', retryable: true, ...NO_REPLY, stage, detail });
  if (err.code === 'ECONNECTION' || /ECONNRESET|EPIPE/.test(codes)) {
    return outcome({ outcome: 'error', category: 'connection_closed', retryable: true, ...NO_REPLY, stage, detail });
  }
  return outcome({ outcome: 'error', category: 'unexpected', retryable: true, ...NO_REPLY, stage, detail: detail || undefined });
}

/**
 * The outcome of a send nodemailer reports as done: `250 …` after DATA → accepted / accepted_by_relay (SMTP-10).
 * A recipient nodemailer lists as rejected is classified from its own reply (RCPT TO).
 */
export function classifySendInfo(info: SentMessageInfo): SendOutcome {
  const rejectedErrors = (info as { rejectedErrors?: NodemailerErrorLike[] }).rejectedErrors ?? [];
  const firstRejected = rejectedErrors.find((e) => typeof e.response === 'string');
  if (firstRejected?.response) {
    const reply = parseSmtpReply(firstRejected.response);
    return outcome({ ...classifySmtpReply({ ...reply, stage: 'rcpt' }), ...reply, stage: 'rcpt' });
  }
  const reply = parseSmtpReply(String((info as { response?: string }).response ?? '250'));
  return outcome({ ...classifySmtpReply({ ...reply, stage: 'data' }), ...reply, stage: 'data' });
}
