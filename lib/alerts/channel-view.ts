import { z } from 'zod';
import type { AlertChannel } from '../generated/prisma/client.ts';
import { DELIVERY_MODES, maskUrl, readChannelConfig } from './channel-config.ts';

/**
 * One channel as the API answers it. Never the webhook secret (`hasSecret` says one is stored) nor the full
 * webhook URL (`url` is masked to its origin: a Slack URL carries its token in the path).
 */
export interface ChannelView {
  id: string;
  name: string;
  kind: 'email' | 'webhook';
  enabled: boolean;
  delivery: (typeof DELIVERY_MODES)[number];
  /** email: the addresses; empty = the alert recipients of Settings (ALERT_EMAIL_TO). */
  to?: string[];
  /** webhook: origin only, e.g. `https://hooks.slack.com/…`. */
  url?: string;
  hasSecret: boolean;
  createdAt: Date;
}

const name = z.string().trim().min(1).max(100);
const delivery = z.enum(DELIVERY_MODES);

/** POST /api/alert-channels body: an email channel (`to`) or a webhook channel (`url`). */
export const ZCreateChannel = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), name, to: z.array(z.email()).max(50).default([]), delivery: delivery.default('immediate'), enabled: z.boolean().default(true) }).strict(),
  z.object({ kind: z.literal('webhook'), name, url: z.url({ protocol: /^https?$/ }), delivery: delivery.default('immediate'), enabled: z.boolean().default(true) }).strict(),
]);

/** PATCH /api/alert-channels/:id body: every field optional; `to` only for email, `url` only for webhooks. */
export const ZUpdateChannel = z
  .object({ name, enabled: z.boolean(), delivery, to: z.array(z.email()).max(50), url: z.url({ protocol: /^https?$/ }) })
  .partial()
  .strict();

/** Shape a stored channel for the API (drops the secret, masks the webhook URL). */
export function toChannelView(row: AlertChannel): ChannelView {
  const parsed = readChannelConfig(row);
  return {
    id: row.id,
    name: row.name,
    kind: parsed.kind,
    enabled: row.enabled,
    delivery: row.delivery as ChannelView['delivery'],
    ...(parsed.kind === 'email' ? { to: parsed.config.to } : { url: maskUrl(parsed.config.url) }),
    hasSecret: row.secret !== null,
    createdAt: row.createdAt,
  };
}
