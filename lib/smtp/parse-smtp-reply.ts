import type { SmtpReply } from './types.ts';

const LINE = /^(\d{3})(?:[ -](.*))?$/;
// RFC 3463 §2: class "." subject "." detail; some servers put a "#" before it (SMTP-06: `452 #4.5.3`).
const ENHANCED = /^#?([245]\.\d{1,3}\.\d{1,3})(?=\s|$|[:;,])\s*/;

/**
 * Parse an SMTP reply (RFC 5321 §4.2) and its enhanced status code (RFC 3463), tolerating the shapes seen in the
 * field (case SMTP-06):
 * - multi-line replies `550-5.7.1 a\r\n550 5.7.1 b` are joined: code 550, enhanced 5.7.1, text "a b";
 * - an optional `#` before the enhanced code (`452 #4.5.3 Too many recipients`);
 * - nested replies (`421 4.1.1 <…>: … said: 450 4.1.1 …`): the codes right after the outermost basic code win,
 *   the inner reply stays in the text;
 * - a missing enhanced code (`452 temporary domain failure`) → enhancedCode null;
 * - text with no basic code (an error message such as `4.7.1 Greylisted`) → code null, enhanced code still read.
 * @example parseSmtpReply('452 #4.5.3 Too many recipients') // { code: 452, enhancedCode: '4.5.3', text: 'Too many recipients' }
 */
export function parseSmtpReply(raw: string): SmtpReply {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = lines[0] ? LINE.exec(lines[0]) : null;
  if (!first) {
    const text = lines.join(' ');
    const enhanced = ENHANCED.exec(text);
    return { code: null, enhancedCode: enhanced ? enhanced[1] : null, text: enhanced ? text.slice(enhanced[0].length) : text };
  }
  const code = Number(first[1]);
  let enhancedCode: string | null = null;
  const texts: string[] = [];
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    // A continuation line repeats the code (RFC 5321 §4.2.1); a line without it is kept as text.
    let text = m && Number(m[1]) === code ? (m[2] ?? '') : line;
    const enhanced = ENHANCED.exec(text);
    if (enhanced && (i === 0 || enhanced[1] === enhancedCode)) {
      if (i === 0) enhancedCode = enhanced[1];
      text = text.slice(enhanced[0].length);
    }
    if (text !== '') texts.push(text);
  }
  return { code, enhancedCode, text: texts.join(' ') };
}
