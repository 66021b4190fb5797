import type { PrismaClient } from '../generated/prisma/client.ts';
import { env } from '../env.ts';
import { AppError } from '../errors.ts';
import { alertRecipients } from '../settings/alert-recipients.ts';
import { createAlertTransport } from './alert-transport.ts';
import type { AlertTransport, SentInfo } from './alert-transport.ts';

/**
 * Send a test message to the alert recipients through the alert SMTP server (settings page "send test email").
 * @returns nodemailer's messageId and the accepted recipients.
 * @throws AppError('unavailable') when ALERT_SMTP_URL is unset, no recipient is configured, or the server refused
 *   (its reply in the message, e.g. "550 5.7.1 relaying denied").
 */
export async function sendTestEmail(params: { db?: PrismaClient; transport?: AlertTransport | null; now?: () => Date } = {}): Promise<SentInfo> {
  const transport = params.transport === undefined ? createAlertTransport() : params.transport;
  if (!transport) throw new AppError('unavailable', 'no alert SMTP server is configured (set ALERT_SMTP_URL)');
  try {
    const to = await alertRecipients({ db: params.db });
    if (to.length === 0) throw new AppError('unavailable', 'no alert recipients are configured (settings or ALERT_EMAIL_TO)');
    const at = (params.now ?? (() => new Date()))().toISOString();
    const text = `This is a test message from Inboxwatch, sent at ${at}. Listing and delisting alerts will arrive like this.`;
    try {
      return await transport.sendMail({ from: env().ALERT_EMAIL_FROM, to, subject: '[Inboxwatch] Test email', text, html: `<p>${text}</p>` });
    } catch (err) {
      throw new AppError('unavailable', `the alert SMTP server refused the message: ${err instanceof Error ? err.message : String(err)}`);
    }
  } finally {
    if (params.transport === undefined) transport.close();
  }
}
