import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { logger } from '../logger.ts';
import { readZoneDefinition } from '../zones/read-zone-definition.ts';
import { alertRecipients } from '../settings/alert-recipients.ts';
import { createAlertTransport } from './alert-transport.ts';
import type { AlertTransport } from './alert-transport.ts';
import { buildListingAlert } from './build-listing-alert.ts';
import type { AlertItem } from './build-listing-alert.ts';

/** notifyError of changes not sent because no SMTP server or no recipient is configured. */
export const NOT_CONFIGURED = 'alert email not configured';
/** notifyError of listings on allow lists (DNSWL): being listed there is not bad news (BL-05). */
export const ALLOW_LIST_SKIP = 'skipped: a listing on an allow list is good news';

/** What one round of listing alerts did: emails and the listing changes they carried. */
export interface ListingAlertCounts {
  alertEmails: number;
  alertChanges: number;
  skippedChanges: number;
  failedEmails: number;
  failedChanges: number;
}

const NONE: ListingAlertCounts = { alertEmails: 0, alertChanges: 0, skippedChanges: 0, failedEmails: 0, failedChanges: 0 };

/**
 * Email every ListingEvent not yet notified (`notifiedAt` null): one message per asset per sweep, each change once.
 * - Alerted: listings and delistings on block-polarity zones, and delistings from allow lists.
 * - A successful send sets `notifiedAt` on its events in one transaction; a failed send stores `notifyError` and
 *   leaves `notifiedAt` null, so the next call (after the next sweep) retries it.
 * - Nothing is lost silently: without SMTP or recipients the events are marked handled with notifyError
 *   NOT_CONFIGURED; allow-list listings with ALLOW_LIST_SKIP.
 * `transport`: injectable; default createAlertTransport() (null when ALERT_SMTP_URL is unset), closed at the end.
 * @returns `alertEmails`: messages sent; `alertChanges`: listing changes they reported (one email carries every
 *   change of one asset in one sweep, so 7 emails may report 23 changes); `skippedChanges`; `failedEmails` and
 *   `failedChanges` (left for a retry).
 */
export async function sendListingAlerts(
  params: { db?: PrismaClient; transport?: AlertTransport | null; now?: () => Date } = {},
): Promise<ListingAlertCounts> {
  const db = params.db ?? prisma;
  const now = params.now ?? (() => new Date());
  const events = await db.listingEvent.findMany({ where: { notifiedAt: null }, include: { asset: true }, orderBy: { at: 'asc' } });
  if (events.length === 0) return { ...NONE };
  const zoneRows = await db.zone.findMany({ where: { name: { in: [...new Set(events.map((e) => e.zone))] } } });
  const defs = new Map(zoneRows.map((z) => [z.name, readZoneDefinition(z)]));
  const isAllow = (zone: string) => defs.get(zone)?.polarity === 'allow';
  const skipped = events.filter((e) => e.kind === 'listed' && isAllow(e.zone));
  const due = events.filter((e) => !(e.kind === 'listed' && isAllow(e.zone)));
  const mark = (ids: string[], notifyError: string | null, notifiedAt: Date | null) =>
    ids.length ? db.listingEvent.updateMany({ where: { id: { in: ids } }, data: { notifiedAt, notifyError } }) : null;
  await mark(skipped.map((e) => e.id), ALLOW_LIST_SKIP, now());

  const recipients = await alertRecipients({ db });
  const transport = params.transport === undefined ? createAlertTransport() : params.transport;
  if (!transport || recipients.length === 0) {
    await mark(due.map((e) => e.id), NOT_CONFIGURED, now());
    return { ...NONE, skippedChanges: skipped.length + due.length };
  }
  const firstSeen = await db.listing.findMany({
    where: { OR: due.map((e) => ({ assetId: e.assetId, target: e.target, zone: e.zone })) },
    select: { assetId: true, target: true, zone: true, firstListedAt: true },
  });
  const firstSeenOf = new Map(firstSeen.map((l) => [`${l.assetId} ${l.target} ${l.zone}`, l.firstListedAt]));
  const groups = new Map<string, typeof due>();
  for (const e of due) {
    const k = `${e.assetId} ${e.jobRunId ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const counts: ListingAlertCounts = { ...NONE, skippedChanges: skipped.length };
  try {
    for (const group of groups.values()) {
      const asset = group[0].asset;
      const items: AlertItem[] = group.map((e) => {
        const def = defs.get(e.zone);
        return {
          kind: e.kind as AlertItem['kind'],
          target: asset.kind === 'domain' && asset.display ? asset.display : e.target,
          zone: e.zone,
          zoneName: def?.name ?? e.zone,
          operator: def?.operator ?? 'unknown operator',
          polarity: def?.polarity ?? 'block',
          codes: JSON.parse(e.codes) as string[],
          meanings: JSON.parse(e.meanings) as string[],
          txt: e.txt,
          ...(def?.delistUrl ? { delistUrl: def.delistUrl } : {}),
          firstListedAt: firstSeenOf.get(`${e.assetId} ${e.target} ${e.zone}`) ?? null,
          at: e.at,
        };
      });
      const message = buildListingAlert({ asset: asset.display ?? asset.value, label: asset.label, items });
      const ids = group.map((e) => e.id);
      try {
        await transport.sendMail({ from: env().ALERT_EMAIL_FROM, to: recipients, ...message });
        await mark(ids, null, now());
        counts.alertEmails++;
        counts.alertChanges += ids.length;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        await mark(ids, `send failed: ${reason}`, null);
        counts.failedEmails++;
        counts.failedChanges += ids.length;
        logger.warn({ assetId: asset.id, changes: ids.length, reason }, 'alert email failed; will retry after the next sweep');
      }
    }
  } finally {
    if (params.transport === undefined) transport.close();
  }
  return counts;
}
