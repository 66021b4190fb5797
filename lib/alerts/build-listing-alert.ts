/** One change to report, with what the user needs to act on it. */
export interface AlertItem {
  kind: 'listed' | 'delisted';
  /** Target as the user reads it (Unicode for IDNs, BL-14). */
  target: string;
  zone: string;
  zoneName: string;
  operator: string;
  polarity: 'block' | 'allow';
  codes: string[];
  meanings: string[];
  txt: string | null;
  delistUrl?: string;
  firstListedAt: Date | null;
  at: Date;
}

/**
 * Subject, text and HTML of the alert for one asset's changes in one sweep. Pure. The asset's `label`, when set,
 * follows its value in the subject and the first line: `[Inboxwatch] 192.0.2.1 (mx1) listed on zen.spamhaus.org
 * (Spamhaus ZEN)`; several: `[Inboxwatch] 198.51.100.0/24 (outbound pool): 2 new listings, 1 delisting`. Each change names target, zone and operator, every
 * return code with its meaning, the TXT reason, the delist link and the first-seen time (ISO 8601 UTC).
 */
export function buildListingAlert(params: { asset: string; label?: string | null; items: AlertItem[] }): {
  subject: string;
  text: string;
  html: string;
} {
  const { items } = params;
  const first = items[0];
  const tag = params.label ? ` (${params.label})` : '';
  const subject =
    items.length === 1
      ? `[Inboxwatch] ${first.target}${tag} ${first.kind === 'listed' ? 'listed on' : 'delisted from'} ${first.zone} (${first.zoneName})`
      : `[Inboxwatch] ${params.asset}${tag}: ${summaryWords(items)}`;
  const blocks = items.map(describe);
  const text = [`Inboxwatch found ${plural(items.length, 'change')} for ${params.asset}${tag}.`, '', ...blocks.map((b) => b.join('\n') + '\n')].join('\n');
  const html = [
    `<p>Inboxwatch found ${plural(items.length, 'change')} for <b>${esc(params.asset)}</b>${esc(tag)}.</p>`,
    ...blocks.map((b) => `<p>${b.map((line, i) => (i === 0 ? `<b>${linkify(line)}</b>` : linkify(line))).join('<br>')}</p>`),
  ].join('\n');
  return { subject, text, html };
}

function describe(item: AlertItem): string[] {
  const headline =
    item.kind === 'listed'
      ? `${item.target} is LISTED on ${item.zone} (${item.zoneName}, ${item.operator})`
      : `${item.target} was DELISTED from ${item.zone} (${item.zoneName}, ${item.operator})`;
  const lines = [headline];
  if (item.polarity === 'allow') {
    lines.push(item.kind === 'listed' ? 'This is an allow list: being listed is good news.' : 'This is an allow list: leaving it loses its benefit.');
  }
  item.codes.forEach((code, i) => lines.push(`Return code ${code}: ${item.meanings[i] ?? 'no documented meaning'}`));
  if (item.txt) lines.push(`Reason (TXT): ${item.txt}`);
  if (item.kind === 'listed' && item.delistUrl) lines.push(`Delist: ${item.delistUrl}`);
  if (item.firstListedAt) lines.push(`First seen listed: ${item.firstListedAt.toISOString()}`);
  lines.push(`${item.kind === 'listed' ? 'Listed' : 'Delisted'} at: ${item.at.toISOString()}`);
  return lines;
}

function summaryWords(items: AlertItem[]): string {
  const listed = items.filter((i) => i.kind === 'listed').length;
  const delisted = items.length - listed;
  const parts = [];
  if (listed) parts.push(plural(listed, 'new listing'));
  if (delisted) parts.push(plural(delisted, 'delisting'));
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function linkify(line: string): string {
  return esc(line).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
