import nodemailer from 'nodemailer';
import { env } from '../env.ts';

/** The message alerts send (plain text plus an HTML copy). */
export interface AlertMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** What nodemailer reports for a sent message. */
export interface SentInfo {
  messageId: string;
  accepted: string[];
}

/** The transport boundary, injectable in tests (default: nodemailer SMTP on ALERT_SMTP_URL). */
export interface AlertTransport {
  sendMail(message: AlertMessage): Promise<SentInfo>;
  close(): void;
}

/**
 * An SMTP transport for alerts from ALERT_SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`), or null when
 * it is not set. ALERT_SMTP_TLS_REJECT_UNAUTHORIZED=false accepts self-signed certificates. Never logs the URL.
 */
export function createAlertTransport(): AlertTransport | null {
  const e = env();
  if (!e.ALERT_SMTP_URL) return null;
  const transporter = nodemailer.createTransport({
    url: e.ALERT_SMTP_URL,
    tls: { rejectUnauthorized: e.ALERT_SMTP_TLS_REJECT_UNAUTHORIZED },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async sendMail(message) {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId, accepted: (info.accepted as (string | { address: string })[]).map((a) => (typeof a === 'string' ? a : a.address)) };
    },
    close: () => transporter.close(),
  };
}
