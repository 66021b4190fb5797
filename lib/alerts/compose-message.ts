import type { AlertItem } from './build-listing-alert.ts';
import { buildListingAlert } from './build-listing-alert.ts';
import type { NotificationPayload } from './notification-payload.ts';

/** One message for one channel: subject, plain text (also the webhook's Slack `text`) and HTML. */
export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
}

function listingItem(p: NotificationPayload): AlertItem {
  const d = (p.incident?.detail ?? {}) as Record<string, unknown>;
  return {
    kind: p.kind === 'recovered' ? 'delisted' : 'listed',
    target: String(d.target),
    zone: String(d.zone),
    zoneName: String(d.zoneName),
    operator: String(d.operator),
    polarity: d.polarity === 'allow' ? 'allow' : 'block',
    codes: (d.codes as string[]) ?? [],
    meanings: (d.meanings as string[]) ?? [],
    txt: typeof d.txt === 'string' && d.txt ? d.txt : null,
    ...(typeof d.delistUrl === 'string' ? { delistUrl: d.delistUrl } : {}),
    firstListedAt: typeof d.firstListedAt === 'string' ? new Date(d.firstListedAt) : null,
    at: new Date(p.at),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const toHtml = (text: string) => text.split('\n\n').map((b) => `<p>${esc(b).replace(/\n/g, '<br>')}</p>`).join('\n');

/**
 * The message of one batch of notifications of one channel (pure):
 * - listing notices (openings and recoveries of listing_new) of one asset: issue 2's listing alert
 *   (buildListingAlert: target, zone, operator, each return code with its meaning, TXT reason, delist link, first
 *   seen), `[Inboxwatch] 192.0.2.1 (mx1) listed on bl.test (Test BL)` or `[Inboxwatch] 198.51.100.0/30: 3 new listings`;
 * - a digest (`digest`: true): `[Inboxwatch] Hourly digest: 3 notifications`, every notification's text in turn;
 * - anything else: `[Inboxwatch] <title>` and its text (several: `[Inboxwatch] <n> notifications`).
 */
export function composeMessage(p: { payloads: NotificationPayload[]; digest: boolean }): ComposedMessage {
  const { payloads } = p;
  const isListing = (n: NotificationPayload) => n.incident?.ruleKind === 'listing_new' && n.kind !== 'test';
  if (!p.digest && payloads.length > 0 && payloads.every(isListing)) {
    const d = payloads[0].incident?.detail ?? {};
    return buildListingAlert({ asset: String(d.asset), label: (d.assetLabel as string | null) ?? null, items: payloads.map(listingItem) });
  }
  const count = `${payloads.length} notification${payloads.length === 1 ? '' : 's'}`;
  const subject = p.digest ? `[Inboxwatch] Hourly digest: ${count}` : payloads.length === 1 ? `[Inboxwatch] ${payloads[0].title}` : `[Inboxwatch] ${count}`;
  const bodies = payloads.map((n) => (isListing(n) ? buildListingAlert({ asset: String(n.incident?.detail.asset), items: [listingItem(n)] }).text : n.text));
  const text = [p.digest ? `Inboxwatch: ${count} in the last hour.` : '', ...bodies].filter(Boolean).join('\n\n');
  return { subject, text, html: toHtml(text) };
}
