import { env } from '../../env.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { alertRecipients } from '../../settings/alert-recipients.ts';
import { createAlertTransport } from '../alert-transport.ts';
import type { AlertTransport } from '../alert-transport.ts';
import type { EmailConfig } from '../channel-config.ts';
import type { ComposedMessage } from '../compose-message.ts';
import type { DeliveryResult } from './delivery-result.ts';

/**
 * Send one message to an email channel through the alert SMTP server (ALERT_SMTP_URL, nodemailer), From
 * ALERT_EMAIL_FROM, To the channel's `to` (empty: the alert recipients of Settings, else ALERT_EMAIL_TO).
 * `transport`: injectable; default createAlertTransport(), closed afterwards.
 * @returns ok, or the error: `alert SMTP is not configured` and `no recipients` are not retryable; an SMTP refusal
 *   or a connection failure is (the relay may come back, or be fixed).
 */
export async function deliverEmail(p: { config: EmailConfig; message: ComposedMessage; db?: PrismaClient; transport?: AlertTransport | null }): Promise<DeliveryResult> {
  const to = p.config.to.length > 0 ? p.config.to : await alertRecipients({ db: p.db });
  if (to.length === 0) return { ok: false, error: 'no recipients: set the channel addresses, the alert recipients in Settings, or ALERT_EMAIL_TO', retryable: false };
  const transport = p.transport === undefined ? createAlertTransport() : p.transport;
  if (!transport) return { ok: false, error: 'alert SMTP is not configured (set ALERT_SMTP_URL)', retryable: false };
  try {
    await transport.sendMail({ from: env().ALERT_EMAIL_FROM, to, ...p.message });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), retryable: true };
  } finally {
    if (p.transport === undefined) transport.close();
  }
}
