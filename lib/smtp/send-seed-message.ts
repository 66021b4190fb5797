import { domainToASCII } from 'node:url';
import type { Transporter } from 'nodemailer';
import type { SeedMessage } from './build-seed-message.ts';
import { classifySendInfo } from './classify-send-error.ts';
import { describeSendOutcome } from './describe-send-outcome.ts';
import { explainSendError } from './explain-send-error.ts';
import { heloNameOf } from './create-seed-transport.ts';
import type { SmtpServerRecord } from './create-seed-transport.ts';
import { probeSmtpServer } from './probe-smtp-server.ts';
import type { SendOutcome } from './types.ts';

/** True when the part before the @ has non-ASCII characters (RFC 6531: only SMTPUTF8 may carry it). */
function hasNonAsciiLocalPart(address: string): boolean {
  const at = address.lastIndexOf('@');
  return /[^\x00-\x7f]/.test(at < 0 ? address : address.slice(0, at));
}

/** The address with its domain in A-labels (punycode, RFC 5891); the local part is never touched (SMTP-03). */
function asciiDomain(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}

/** Whether the server offers SMTPUTF8 (one EHLO probe, no AUTH). */
async function offersSmtpUtf8(server: SmtpServerRecord): Promise<boolean> {
  const probe = await probeSmtpServer({ server, authenticate: false });
  return probe.extensions.includes('SMTPUTF8');
}

/**
 * Send one seed message through the server's pooled transport and classify what happened. Never throws for SMTP or
 * network outcomes: every reply or failure becomes a SendOutcome (accepted means accepted by the relay, SMTP-10).
 * SMTP-03 pre-flight: when the sender or recipient has a non-ASCII local part and the server does not offer
 * SMTPUTF8, nothing is sent and the outcome is config_error / smtputf8 (5.6.7, not retryable); a non-ASCII
 * domain alone is sent in punycode.
 * @param smtputf8 injectable capability check (default: an EHLO probe of the server).
 */
export async function sendSeedMessage(p: {
  transport: Transporter;
  message: SeedMessage & { date?: Date };
  from: string;
  to: string;
  server: SmtpServerRecord;
  smtputf8?: (server: SmtpServerRecord) => Promise<boolean>;
}): Promise<SendOutcome> {
  const { transport, message, from, to, server } = p;
  if ((hasNonAsciiLocalPart(from) || hasNonAsciiLocalPart(to)) && !(await (p.smtputf8 ?? offersSmtpUtf8)(server))) {
    const o = { outcome: 'config_error' as const, category: 'smtputf8', retryable: false, code: null, enhancedCode: '5.6.7', text: '', stage: 'mail' as const };
    return { ...o, message: describeSendOutcome({ ...o, detail: `${hasNonAsciiLocalPart(to) ? to : from}; nothing was sent` }) };
  }
  try {
    const info = await transport.sendMail({
      from,
      to,
      envelope: { from: asciiDomain(from.replace(/^.*<([^>]+)>.*$/, '$1')), to: [asciiDomain(to)] },
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      messageId: message.messageId,
      ...(message.date ? { date: message.date } : {}),
    });
    return classifySendInfo(info);
  } catch (error) {
    return explainSendError({ error, server, heloName: heloNameOf(server) });
  }
}
