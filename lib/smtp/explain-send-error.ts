import { classifySendError } from './classify-send-error.ts';
import type { SendOutcome } from './types.ts';
import { readServerCertificate } from './read-server-certificate.ts';

/**
 * classifySendError, plus the certificate's subject and issuer when the failure is an untrusted certificate
 * (SMTP-02): the names are read with a second, untrusting TLS handshake. Never throws.
 * @param readCertificate injectable; defaults to readServerCertificate.
 */
export async function explainSendError(p: {
  error: unknown;
  server: { host: string; port: number; security: string };
  heloName: string;
  readCertificate?: typeof readServerCertificate;
}): Promise<SendOutcome> {
  const first = classifySendError({ error: p.error, server: p.server });
  if (first.category !== 'certificate') return first;
  const certificate = await (p.readCertificate ?? readServerCertificate)({ ...p.server, heloName: p.heloName });
  return certificate ? classifySendError({ error: p.error, server: p.server, certificate }) : first;
}
