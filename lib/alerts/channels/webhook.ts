import crypto from 'node:crypto';
import type { WebhookConfig } from '../channel-config.ts';
import type { DeliveryResult } from './delivery-result.ts';

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body under the channel secret>`. */
export const SIGNATURE_HEADER = 'X-Inboxwatch-Signature';
/** Header carrying the send time in Unix seconds (the body's `sentAt` too), for receivers that refuse replays. */
export const TIMESTAMP_HEADER = 'X-Inboxwatch-Timestamp';
const TIMEOUT_MS = 10_000;

/** `sha256=<hex>`: HMAC-SHA256 (RFC 2104) of `body` with `secret`, as sent in X-Inboxwatch-Signature. */
export function signBody(p: { body: string; secret: string }): string {
  return `sha256=${crypto.createHmac('sha256', p.secret).update(p.body, 'utf8').digest('hex')}`;
}

/**
 * POST one JSON body to a webhook channel (Slack-compatible: the body has a `text` field). Headers: content-type
 * application/json, X-Inboxwatch-Signature over the exact bytes sent, X-Inboxwatch-Timestamp. Bounded by
 * `timeoutMs` (10 000). Any 2xx is sent.
 * `fetchFn`: injectable; default global fetch.
 * @returns ok, or the error (`HTTP 500: <first 200 characters of the reply>`, `timed out after 10000 ms`,
 *   the connection error); 408, 429, 5xx, timeouts and network errors are retryable, other 4xx are not.
 */
export async function deliverWebhook(p: {
  config: WebhookConfig;
  secret: string;
  body: Record<string, unknown>;
  now: Date;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}): Promise<DeliveryResult> {
  const raw = JSON.stringify(p.body);
  const timeoutMs = p.timeoutMs ?? TIMEOUT_MS;
  try {
    const res = await (p.fetchFn ?? fetch)(p.config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Inboxwatch-Webhook',
        [SIGNATURE_HEADER]: signBody({ body: raw, secret: p.secret }),
        [TIMESTAMP_HEADER]: String(Math.floor(p.now.getTime() / 1000)),
      },
      body: raw,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel();
      return { ok: true };
    }
    const reply = (await res.text().catch(() => '')).slice(0, 200);
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    return { ok: false, error: `HTTP ${res.status}${reply ? `: ${reply}` : ''}`, retryable };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const error = e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : (e.cause?.message ?? e.message);
    return { ok: false, error, retryable: true };
  }
}
