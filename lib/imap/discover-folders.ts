import type { ImapFlow, ListResponse } from 'imapflow';

/** One selectable folder as listed by the server; `source` says how imapflow learnt `specialUse`. */
export interface FolderInfo {
  path: string;
  name: string;
  specialUse?: string;
  /** `extension`: the server advertised it (RFC 6154 SPECIAL-USE or XLIST); `name`: imapflow guessed it from the name. */
  source?: string;
}

/** What discovery found in a mailbox: INBOX, the spam folder (with why), Gmail's All Mail, every selectable folder. */
export interface DiscoveredFolders {
  inbox: string;
  /** The spam folder and why it was chosen; null when none was found. */
  spam: { path: string; why: string } | null;
  /** Gmail's All Mail (\All), which holds every message except Spam and Trash; null when absent. */
  all: string | null;
  folders: FolderInfo[];
}

/**
 * Spam folder names of providers and localized clients, for servers that flag nothing (IMAP-02: Yahoo "Bulk Mail",
 * Exchange Online "Junk Email"; IMAP-01: Gmail's `[Gmail]/Spam`, `[Google Mail]/Spam`). Compared lower-cased and
 * NFC-normalised against the full path, then the last path segment. Earlier entries win.
 */
export const SPAM_FOLDER_NAMES = [
  'junk',
  'spam',
  'junk email',
  'junk e-mail',
  'junk-e-mail',
  'junk mail',
  'bulk mail',
  'bulk',
  '[gmail]/spam',
  '[google mail]/spam',
  'courrier indésirable',
  'courriers indésirables',
  'indésirables',
  'pourriel',
  'spam-ordner',
  'spamverdacht',
  'junk-e-mail-ordner',
  'correo no deseado',
  'posta indesiderata',
  'ongewenste e-mail',
  'skräppost',
  'spam-mail',
  'nevyžádaná pošta',
  'lixo eletrônico',
  'спам',
] as const;

const ALL_MAIL_NAMES = ['[gmail]/all mail', '[google mail]/all mail', 'all mail'];

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().trim();
}

function selectable(f: ListResponse): boolean {
  return !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent');
}

function serverFlagged(f: ListResponse, use: '\\Junk' | '\\All'): string | null {
  if (f.flags.has(use)) return `server flags ${use} (RFC 6154)`;
  if (use === '\\Junk' && f.flags.has('\\Spam')) return 'server flags \\Spam (Gmail XLIST)';
  if (f.specialUse === use && f.specialUseSource === 'extension') return `server flags ${use}`;
  return null;
}

function byName(list: ListResponse[], names: readonly string[]): ListResponse | null {
  for (const name of names) {
    const hit = list.find((f) => norm(f.path) === name) ?? list.find((f) => norm(f.name) === name);
    if (hit) return hit;
  }
  return null;
}

/**
 * Pick the spam folder from a LIST reply, in this order:
 * 1. the per-mailbox override (matched on the decoded path, case-insensitively, or on the path as listed in
 *    modified UTF-7); an override the server does not list is reported in `why` and discovery continues;
 * 2. a folder the server flags `\Junk` (RFC 6154 §2; XLIST `\Spam` on old Gmail) — what the server said (IMAP-01);
 * 3. a known or localized name from SPAM_FOLDER_NAMES (IMAP-02);
 * 4. imapflow's own localized-name guess (`specialUseSource: 'name'`).
 * imapflow guesses `\Junk` from names too (reference/mailstack.md §1), so its `specialUse` alone cannot say why.
 * Pure; `\Noselect` entries (Gmail's `[Gmail]`) are left out.
 */
export function chooseFolders(params: { list: ListResponse[]; override?: string | null }): DiscoveredFolders {
  const list = params.list.filter(selectable);
  const inbox = list.find((f) => f.path.toUpperCase() === 'INBOX')?.path ?? 'INBOX';
  const candidates = list.filter((f) => f.path !== inbox);
  let spam: DiscoveredFolders['spam'] = null;
  let prefix = '';
  const override = params.override?.trim();
  if (override) {
    const hit =
      candidates.find((f) => f.path === override) ??
      candidates.find((f) => norm(f.path) === norm(override) || f.pathAsListed === override);
    if (hit) spam = { path: hit.path, why: `set for this mailbox ("${override}")` };
    else prefix = `the folder set for this mailbox ("${override}") is not on the server; `;
  }
  if (!spam) {
    const flagged = candidates.map((f) => ({ f, why: serverFlagged(f, '\\Junk') })).find((x) => x.why);
    const named = flagged ? null : byName(candidates, SPAM_FOLDER_NAMES);
    const guessed = flagged || named ? null : candidates.find((f) => f.specialUse === '\\Junk');
    if (flagged) spam = { path: flagged.f.path, why: prefix + (flagged.why as string) };
    else if (named) spam = { path: named.path, why: `${prefix}name "${named.path}" (no folder flagged \\Junk)` };
    else if (guessed) spam = { path: guessed.path, why: `${prefix}name "${guessed.path}" (imapflow's localized names)` };
  }
  const allFlagged = candidates.find((f) => serverFlagged(f, '\\All'));
  const all = allFlagged ?? byName(candidates, ALL_MAIL_NAMES) ?? candidates.find((f) => f.specialUse === '\\All') ?? null;
  return {
    inbox,
    spam,
    all: all ? all.path : null,
    folders: list.map((f) => ({
      path: f.path,
      name: f.name,
      ...(f.specialUse ? { specialUse: f.specialUse } : {}),
      ...(f.specialUseSource ? { source: f.specialUseSource } : {}),
    })),
  };
}

/**
 * List a connected mailbox's folders (IMAP LIST, RFC 3501 §6.3.8 / RFC 6154) and choose INBOX, the spam folder
 * (with why) and Gmail's All Mail. See chooseFolders for the order.
 * @throws the imapflow error when LIST fails (classify with classifyImapError).
 */
export async function discoverFolders(params: { client: ImapFlow; override?: string | null }): Promise<DiscoveredFolders> {
  const list = await params.client.list();
  return chooseFolders({ list, override: params.override });
}
