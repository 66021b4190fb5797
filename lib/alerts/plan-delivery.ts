/** Minutes to wait before retry n (1-based) of a failed delivery: 1, 5, 15, 60. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 15, 60];
/** Attempts in all (the first and four retries); after the last, the notification is `failed`. */
export const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;

/**
 * When a failed delivery is tried again (pure): `attempts` is the count including the one that just failed.
 * @returns the time of the next attempt, or null when no attempt is left (the notification becomes `failed`).
 */
export function nextAttemptAt(p: { attempts: number; now: Date }): Date | null {
  if (p.attempts >= MAX_ATTEMPTS) return null;
  return new Date(p.now.getTime() + RETRY_BACKOFF_MINUTES[p.attempts - 1] * 60_000);
}

/** The start of the next UTC hour after `at`: when an hourly digest holding a notice queued at `at` is sent. */
export function digestDueAt(at: Date): Date {
  const d = new Date(at);
  d.setUTCMinutes(0, 0, 0);
  return new Date(d.getTime() + 3_600_000);
}

/** A notification as batching needs it. */
export interface DueNotification {
  id: string;
  channelId: string;
  status: string;
  group: string | null;
}

/**
 * Group due notifications into messages (pure): one batch per (channel, group); a notification without a group
 * is a batch of its own. Digest notifications carry the group `digest:<channelId>:<hour>`, so a channel's hour is
 * one message; listing notices carry `listing:<assetId>@<evaluation>`, so one asset's changes of one evaluation
 * are one message. Order of first appearance is kept.
 */
export function groupBatches<T extends DueNotification>(items: T[]): { channelId: string; group: string | null; items: T[] }[] {
  const batches = new Map<string, { channelId: string; group: string | null; items: T[] }>();
  for (const item of items) {
    const key = item.group ? `${item.channelId}|${item.group}` : `${item.channelId}|#${item.id}`;
    const batch = batches.get(key) ?? { channelId: item.channelId, group: item.group, items: [] };
    batch.items.push(item);
    batches.set(key, batch);
  }
  return [...batches.values()];
}
