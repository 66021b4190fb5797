import type { SeedTimeouts, SmtpServerRecord } from './create-seed-transport.ts';
import { probeSmtpServer } from './probe-smtp-server.ts';
import type { SendOutcome } from './types.ts';

/**
 * "Test connection" for a server: connect → TLS → EHLO → AUTH with its stored settings, then QUIT; nothing is sent.
 * `stage` is the furthest stage reached (or the one that failed), `message` says it in words, e.g.
 * "Connected to smtp.example.com:587 over TLS as example.com; EHLO and AUTH as sender@example.com accepted." or
 * "The TLS setting does not match …: set security to implicit_tls". Never throws for SMTP or network outcomes.
 * @returns `{ ok, stage, outcome, category, code, enhancedCode, text, message, retryable, quota? }`; ok is true
 *   only when every configured stage succeeded (outcome accepted, category connection_ok).
 */
export async function testSmtpConnection(p: {
  server: SmtpServerRecord;
  decrypt?: (blob: string) => string;
  timeouts?: SeedTimeouts;
}): Promise<{ ok: boolean } & SendOutcome> {
  const probe = await probeSmtpServer(p);
  return { ok: probe.ok, ...probe.outcome };
}
