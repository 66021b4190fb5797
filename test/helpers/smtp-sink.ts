import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message the sink accepted. */
export interface SunkMessage {
  from: string;
  to: string[];
  raw: string;
}

/**
 * An in-process SMTP server on 127.0.0.1 (free port) that captures messages, for unit and integration tests.
 * `rejectNext(n)` makes the next n messages fail with `550 5.7.1 relaying denied`.
 * `close()` ends open connections and stops the server.
 */
export async function startSmtpSink(): Promise<{
  url: string;
  port: number;
  messages: SunkMessage[];
  rejectNext(n: number): void;
  close(): Promise<void>;
}> {
  const messages: SunkMessage[] = [];
  let rejects = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejects > 0) {
          rejects--;
          const err = Object.assign(new Error('5.7.1 relaying denied'), { responseCode: 550 });
          callback(err);
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    rejectNext(n) {
      rejects = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A captured message made readable for content assertions: headers unfolded, and each MIME part whose
 * Content-Transfer-Encoding is quoted-printable decoded (as UTF-8 bytes); other parts are kept as they are.
 */
export function readableMessage(raw: string): string {
  const text = raw.replace(/\r\n[ \t]+/g, ' ');
  return text
    .split(/(?=\r?\n--)/)
    .map((part) => {
      if (!/Content-Transfer-Encoding:\s*quoted-printable/i.test(part)) return part;
      const split = part.search(/\r?\n\r?\n/);
      return part.slice(0, split) + decodeQuotedPrintable(part.slice(split));
    })
    .join('');
}

function decodeQuotedPrintable(body: string): string {
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
