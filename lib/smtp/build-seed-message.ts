import crypto from 'node:crypto';

/** The header carrying the token; collection searches for it (with the subject and Message-ID as fallbacks). */
export const TOKEN_HEADER = 'X-Inboxwatch-Token';

/** One seed message, ready for sendSeedMessage. */
export interface SeedMessage {
  /** `<token.seedhash@from-domain>` (RFC 5322 §3.6.4): unique per (token, seed). */
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  token: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Build a seed message: the token is in the X-Inboxwatch-Token header, the subject, the text and HTML bodies, and
 * the Message-ID (design §6). The body reads like an ordinary operational note, with no links, images or
 * sales words, so that content filters judge the sending path rather than the content.
 * @param token letters, digits, `-` and `_` only (it goes into a Message-ID).
 * @param now the Date header's time (default: now).
 * @throws Error when the token has other characters.
 */
export function buildSeedMessage(p: {
  token: string;
  seed: { address: string };
  server: { name: string; fromAddress: string; heloName?: string | null };
  now?: Date;
}): SeedMessage & { date: Date } {
  const { token, seed, server } = p;
  if (!/^[A-Za-z0-9_-]{6,100}$/.test(token)) throw new Error(`seed token "${token}" must be 6–100 letters, digits, - or _`);
  const domain = server.fromAddress.split('@').pop() || server.heloName || 'localhost';
  const seedHash = crypto.createHash('sha256').update(seed.address.toLowerCase()).digest('hex').slice(0, 12);
  const date = p.now ?? new Date();
  const when = date.toUTCString();
  const subject = `Delivery check from ${server.name} [ref ${token}]`;
  const lines = [
    'Hello,',
    '',
    `This is a routine delivery check sent through ${server.name} on ${when}.`,
    'It confirms that messages from this sender reach your mailbox. No action is needed, and you can delete it.',
    '',
    `Reference: ${token}`,
    '',
    'Thank you,',
    `${server.name} mail operations`,
  ];
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">',
    '<p>Hello,</p>',
    `<p>This is a routine delivery check sent through ${escapeHtml(server.name)} on ${escapeHtml(when)}.<br>`,
    'It confirms that messages from this sender reach your mailbox. No action is needed, and you can delete it.</p>',
    `<p>Reference: <span>${token}</span></p>`,
    `<p>Thank you,<br>${escapeHtml(server.name)} mail operations</p>`,
    '</body></html>',
  ].join('\n');
  return {
    messageId: `<${token}.${seedHash}@${domain}>`,
    subject,
    text: lines.join('\n'),
    html,
    headers: { [TOKEN_HEADER]: token },
    token,
    date,
  };
}
