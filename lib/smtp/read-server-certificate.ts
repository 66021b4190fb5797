import net from 'node:net';
import tls from 'node:tls';
import type { CertificateNames } from './classify-send-error.ts';

const formatName = (name: Record<string, string | string[]> | undefined) =>
  name ? Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ') : '';

/**
 * Read the subject and issuer of a server's TLS certificate without trusting it, to explain a certificate error
 * (SMTP-02). Implicit TLS connects with TLS at once; otherwise it reads the greeting, sends EHLO and STARTTLS
 * (RFC 3207 §4) and upgrades. The connection is closed right after the handshake; nothing is sent.
 * @param timeoutMs whole-exchange limit (default 5000 ms).
 * @returns the names, or null when they could not be read (no TLS, timeout, refused). Never throws.
 */
export function readServerCertificate(p: { host: string; port: number; security: string; heloName: string; timeoutMs?: number }): Promise<CertificateNames | null> {
  const servername = net.isIP(p.host) ? undefined : p.host;
  return new Promise((resolve) => {
    let done = false;
    const sockets: net.Socket[] = [];
    const finish = (names: CertificateNames | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // Only the outermost socket: a TLS socket destroys the plain one it wraps (destroying the wrapped socket
      // first crashed Node 24 in a forked test worker).
      sockets.at(-1)?.destroy();
      resolve(names);
    };
    const timer = setTimeout(() => finish(null), p.timeoutMs ?? 5000);
    const upgrade = (socket?: net.Socket) => {
      const secure = tls.connect({ ...(socket ? { socket } : { host: p.host, port: p.port }), servername, rejectUnauthorized: false }, () => {
        const cert = secure.getPeerCertificate();
        finish(cert && cert.subject ? { subject: formatName(cert.subject as never), issuer: formatName(cert.issuer as never) } : null);
      });
      sockets.push(secure);
      secure.on('error', () => finish(null));
    };
    if (p.security === 'implicit_tls') return upgrade();
    const plain = net.connect({ host: p.host, port: p.port });
    sockets.push(plain);
    plain.on('error', () => finish(null));
    let buffer = '';
    let step: 'greeting' | 'ehlo' | 'starttls' = 'greeting';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      // A reply is complete at its last line: "NNN " (RFC 5321 §4.2.1).
      const last = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
      if (!last) return;
      buffer = '';
      if (step === 'greeting' && last[1] === '220') {
        step = 'ehlo';
        plain.write(`EHLO ${p.heloName}\r\n`);
      } else if (step === 'ehlo' && last[1] === '250') {
        step = 'starttls';
        plain.write('STARTTLS\r\n');
      } else if (step === 'starttls' && last[1] === '220') {
        plain.off('data', onData);
        upgrade(plain);
      } else finish(null);
    };
    plain.on('data', onData);
  });
}
