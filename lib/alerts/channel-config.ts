import { z } from 'zod';
import type { AlertChannel } from '../generated/prisma/client.ts';

/** Delivery modes (AlertChannel.delivery): each notification at once, or one message per channel per hour. */
export const DELIVERY_MODES = ['immediate', 'hourly_digest'] as const;

/** An email channel's config: `to` addresses; empty means the alert recipients of Settings (ALERT_EMAIL_TO). */
export const ZEmailConfig = z.object({ to: z.array(z.email()).max(50).default([]) });
/** A webhook channel's config: the http(s) URL notifications are POSTed to. */
export const ZWebhookConfig = z.object({ url: z.url({ protocol: /^https?$/ }) });

export type EmailConfig = z.infer<typeof ZEmailConfig>;
export type WebhookConfig = z.infer<typeof ZWebhookConfig>;

/** A stored channel's config, parsed by its kind. @throws ZodError when the stored JSON is not valid. */
export function readChannelConfig(row: Pick<AlertChannel, 'kind' | 'config'>): { kind: 'email'; config: EmailConfig } | { kind: 'webhook'; config: WebhookConfig } {
  const value: unknown = JSON.parse(row.config);
  return row.kind === 'webhook' ? { kind: 'webhook', config: ZWebhookConfig.parse(value) } : { kind: 'email', config: ZEmailConfig.parse(value) };
}

/**
 * A webhook URL as shown to users: scheme, host and port only, the path and query replaced by `/…` (a Slack
 * incoming-webhook URL carries its token in the path, so the full URL is a secret).
 */
export function maskUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.length > 1 || u.search ? '/…' : ''}`;
}
